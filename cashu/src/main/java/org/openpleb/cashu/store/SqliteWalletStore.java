package org.openpleb.cashu.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.openpleb.cashu.model.Keyset;

/**
 * One wallet's SQLite file: WAL journal (or, on shared storage, a rollback journal with the file
 * locked while open; {@link StoreMode}), full fsync, a busy timeout, owner-only permissions, a
 * versioned schema, and 1 KiB pages with a 16 KiB page cache (small files, little native memory per
 * open handle).
 *
 * <p>The store is the wallet's single writer. Every access runs under one {@link ReentrantLock};
 * {@link #write} opens a {@code BEGIN IMMEDIATE} transaction (nested calls join the outer one) so
 * that a crash leaves either all or none of a step's changes. Conditional updates ({@code … WHERE
 * state = 'ready' AND used_by_op IS NULL}) report how many rows they moved, so a caller can tell a
 * lost race from success. The file and its transactions are {@link SqliteFile}; the tables are
 * {@link SqliteProofs}, {@link SqliteJournal} and {@link SqliteKeysets}.
 */
public final class SqliteWalletStore implements WalletStore {

  /** The schema this code writes; files with a newer version are refused. */
  public static final int SCHEMA_VERSION = 1;

  /** Page size of new wallet files, in bytes. */
  public static final int PAGE_SIZE = 1024;

  /** Page cache per open wallet, in KiB. */
  public static final int CACHE_KIB = 16;

  private final SqliteFile db;
  private final SqliteKeysets keysets;
  private final SqliteProofs proofs;
  private final SqliteJournal journal;

  private SqliteWalletStore(SqliteFile db) {
    this.db = db;
    this.keysets = new SqliteKeysets(db);
    this.proofs = new SqliteProofs(db);
    this.journal = new SqliteJournal(db);
  }

  /** Opens (creating if needed) the wallet file and brings its schema up to date. */
  public static SqliteWalletStore open(Path file) {
    return open(file, Clock.systemUTC());
  }

  /** As {@link #open(Path)}, with the clock used for timestamps. */
  public static SqliteWalletStore open(Path file, Clock clock) {
    return open(file, clock, StoreMode.LOCAL);
  }

  /**
   * As {@link #open(Path, Clock)}, in the given mode.
   *
   * @throws WalletStoreException in {@link StoreMode#SHARED} mode when another handle holds the
   *     file (after the busy timeout)
   */
  public static SqliteWalletStore open(Path file, Clock clock, StoreMode mode) {
    SqliteFile db = SqliteFile.open(file.toAbsolutePath(), clock, mode);
    try {
      SqliteSchema.migrate(db);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return new SqliteWalletStore(db);
  }

  @Override
  public Path file() {
    return db.file();
  }

  /** The single-writer lock; held for the whole of {@link #write} and {@link #read}. */
  public ReentrantLock lock() {
    return db.lock();
  }

  @Override
  public <T> T write(Supplier<T> work) {
    return db.write(work);
  }

  @Override
  public void writeVoid(Runnable work) {
    db.writeVoid(work);
  }

  @Override
  public <T> T read(Supplier<T> work) {
    return db.read(work);
  }

  @Override
  public void close() {
    db.close();
  }

  @Override
  public boolean isClosed() {
    return db.isClosed();
  }

  @Override
  public Optional<String> meta(String key) {
    return db
        .query("SELECT v FROM meta WHERE k = ?", ps -> ps.setString(1, key), rs -> rs.getString(1))
        .stream()
        .findFirst();
  }

  @Override
  public void putMeta(String key, String value) {
    db.update(
        "INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v",
        ps -> {
          ps.setString(1, key);
          ps.setString(2, value);
        });
  }

  @Override
  public void saveKeyset(Keyset k) {
    keysets.saveKeyset(k);
  }

  @Override
  public List<Keyset> keysets() {
    return keysets.keysets();
  }

  @Override
  public Optional<Keyset> keyset(String id) {
    return keysets.keyset(id);
  }

  @Override
  public long counter(String keysetId) {
    return keysets.counter(keysetId);
  }

  @Override
  public long takeCounters(String keysetId, int n) {
    return keysets.takeCounters(keysetId, n);
  }

  @Override
  public void raiseCounter(String keysetId, long next) {
    keysets.raiseCounter(keysetId, next);
  }

  @Override
  public int addProofs(Collection<StoredProof> proofs) {
    return this.proofs.addProofs(proofs);
  }

  @Override
  public List<StoredProof> proofs(ProofState state) {
    return proofs.proofs(state);
  }

  @Override
  public List<StoredProof> allProofs() {
    return proofs.allProofs();
  }

  @Override
  public List<StoredProof> reservedFor(String owner) {
    return proofs.reservedFor(owner);
  }

  @Override
  public List<StoredProof> heldBy(String opId) {
    return proofs.heldBy(opId);
  }

  @Override
  public List<StoredProof> usedBy(String opId) {
    return proofs.usedBy(opId);
  }

  @Override
  public List<StoredProof> proofsBySecret(Collection<String> secrets) {
    return proofs.proofsBySecret(secrets);
  }

  @Override
  public void hold(Collection<String> secrets, ProofState from, String owner, String opId) {
    proofs.hold(secrets, from, owner, opId);
  }

  @Override
  public void transfer(Collection<String> secrets, String fromOp, String toOp) {
    proofs.transfer(secrets, fromOp, toOp);
  }

  @Override
  public int release(String opId) {
    return proofs.release(opId);
  }

  @Override
  public int releaseOrphans() {
    return proofs.releaseOrphans();
  }

  @Override
  public int markSpent(Collection<String> secrets) {
    return proofs.markSpent(secrets);
  }

  @Override
  public void reserve(Collection<String> secrets, String owner) {
    proofs.reserve(secrets, owner);
  }

  @Override
  public long unreserve(String owner) {
    return proofs.unreserve(owner);
  }

  @Override
  public void disown(Collection<String> secrets) {
    proofs.disown(secrets);
  }

  @Override
  public Map<ProofState, Long> totals() {
    return proofs.totals();
  }

  @Override
  public void insertOperation(OperationRecord op) {
    journal.insertOperation(op);
  }

  @Override
  public void updateOperation(
      String id, OperationState state, String payloadJson, long amount, long fee, String error) {
    journal.updateOperation(id, state, payloadJson, amount, fee, error);
  }

  @Override
  public Optional<OperationRecord> operation(String id) {
    return journal.operation(id);
  }

  @Override
  public List<OperationRecord> operations(OperationState... states) {
    return journal.operations(states);
  }

  @Override
  public List<OperationRecord> operationsForQuote(String quote) {
    return journal.operationsForQuote(quote);
  }

  @Override
  public List<OperationRecord> recentOperations(int limit) {
    return journal.recentOperations(limit);
  }

  @Override
  public void saveMintQuote(StoredMintQuote q) {
    journal.saveMintQuote(q);
  }

  @Override
  public Optional<StoredMintQuote> mintQuote(String quote) {
    return journal.mintQuote(quote);
  }

  @Override
  public void saveMeltQuote(StoredMeltQuote q) {
    journal.saveMeltQuote(q);
  }

  @Override
  public Optional<StoredMeltQuote> meltQuote(String quote) {
    return journal.meltQuote(quote);
  }
}
