package org.openpleb.cashu.store;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.openpleb.cashu.model.Keyset;

/**
 * The wallet's durable memory, as the wallet core sees it: keysets, NUT-13 counters, proofs with
 * their state, quotes and the operation journal, behind single-writer transactions. {@link
 * SqliteWalletStore} keeps it in one SQLite file.
 *
 * <p>Everything the wallet must not forget after a crash is committed here before the mint is
 * asked. Moves between proof states are all or nothing and throw {@link ProofsUnavailableException}
 * when another operation got there first.
 */
public interface WalletStore extends AutoCloseable {

  /** The file (or other location) the store keeps the wallet in. */
  Path file();

  /**
   * Runs {@code work} in one transaction under the wallet lock and commits it; any exception or
   * error rolls it back. Calls nested inside another {@code write} join it.
   */
  <T> T write(Supplier<T> work);

  /** As {@link #write(Supplier)} for work without a result. */
  void writeVoid(Runnable work);

  /** Runs {@code work} under the wallet lock without opening a write transaction. */
  <T> T read(Supplier<T> work);

  /** Closes the store. Uncommitted work is lost, exactly as in a crash. */
  @Override
  void close();

  boolean isClosed();

  // meta

  Optional<String> meta(String key);

  void putMeta(String key, String value);

  // keysets and counters

  /** Inserts or refreshes a keyset; keys already stored are kept when {@code k} has none. */
  void saveKeyset(Keyset k);

  List<Keyset> keysets();

  Optional<Keyset> keyset(String id);

  /** The next unused counter of a keyset. */
  long counter(String keysetId);

  /** Takes {@code n} consecutive counters of a keyset and returns the first. */
  long takeCounters(String keysetId, int n);

  /** Moves a keyset's counter forward to {@code next} (never backwards). */
  void raiseCounter(String keysetId, long next);

  // proofs

  /**
   * Adds proofs; a proof whose secret is already stored is left as it is.
   *
   * @return how many were new
   */
  int addProofs(Collection<StoredProof> proofs);

  /** Proofs in a state, smallest first. */
  List<StoredProof> proofs(ProofState state);

  /** Every proof the wallet has ever stored. */
  List<StoredProof> allProofs();

  /** Proofs reserved for {@code owner}, smallest first. */
  List<StoredProof> reservedFor(String owner);

  /** Proofs an operation holds in flight. */
  List<StoredProof> heldBy(String opId);

  /** Proofs an operation used, whatever their state now (e.g. spent inputs). */
  List<StoredProof> usedBy(String opId);

  /** The stored proofs among the given secrets. */
  List<StoredProof> proofsBySecret(Collection<String> secrets);

  /**
   * Hands proofs to an operation: {@code from} (ready, or reserved for {@code owner}) becomes
   * inflight held by {@code opId}. All or nothing: throws if any proof was not available.
   */
  void hold(Collection<String> secrets, ProofState from, String owner, String opId);

  /** Moves in-flight proofs from one operation to another (a reclaim taking over a send). */
  void transfer(Collection<String> secrets, String fromOp, String toOp);

  /**
   * Gives back what an operation holds: reserved proofs return to their owner, the rest become
   * ready.
   *
   * @return how many proofs were released
   */
  int release(String opId);

  /**
   * Releases proofs held by an operation that is no longer open (or does not exist): a holding left
   * behind must not lock ecash forever.
   *
   * @return how many proofs were released
   */
  int releaseOrphans();

  /** Marks proofs spent (the mint said so, or the operation that spent them finished). */
  int markSpent(Collection<String> secrets);

  /** Sets ready proofs aside for {@code owner}; all or nothing. */
  void reserve(Collection<String> secrets, String owner);

  /**
   * Ends {@code owner}'s reservation: its reserved proofs become ready, and proofs of its that are
   * in flight will come back ready.
   *
   * @return the sats made spendable now
   */
  long unreserve(String owner);

  /** Clears the owner of proofs that leave a reservation for good (sent to someone else). */
  void disown(Collection<String> secrets);

  /** Sats per proof state. */
  Map<ProofState, Long> totals();

  // operations (the journal)

  /** Writes a new journal entry; its timestamps are the store's clock, not the record's. */
  void insertOperation(OperationRecord op);

  /**
   * Moves an operation to a new state, optionally replacing its payload, amount and fee.
   *
   * @param payloadJson the new payload, or {@code null} to keep it
   */
  void updateOperation(
      String id, OperationState state, String payloadJson, long amount, long fee, String error);

  Optional<OperationRecord> operation(String id);

  /** Operations in the given states, oldest first. */
  List<OperationRecord> operations(OperationState... states);

  /** The operations working on a quote, oldest first. */
  List<OperationRecord> operationsForQuote(String quote);

  /** The latest operations, newest first. */
  List<OperationRecord> recentOperations(int limit);

  // quotes

  void saveMintQuote(StoredMintQuote q);

  Optional<StoredMintQuote> mintQuote(String quote);

  void saveMeltQuote(StoredMeltQuote q);

  Optional<StoredMeltQuote> meltQuote(String quote);
}
