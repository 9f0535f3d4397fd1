package org.openpleb.cashu.wallet;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.cashu.mint.MintClient;
import org.openpleb.cashu.mint.MintError;
import org.openpleb.cashu.mint.MintException;
import org.openpleb.cashu.store.OperationRecord;
import org.openpleb.cashu.store.OperationState;
import org.openpleb.cashu.store.StoredProof;
import org.openpleb.cashu.store.WalletStore;

/**
 * What every operation of a wallet works with: the store, the mint, the keysets, the output factory
 * and the saga runner, and the steps they share (coin selection, fees, a retry after a keyset
 * rotation). One subclass per operation (mint, receive, send, reclaim, melt, reserve, recovery,
 * restore), as cdk shapes its wallet.
 */
abstract class WalletOperation {

  private static final Logger LOG = Logger.getLogger(WalletOperation.class.getName());

  final WalletStore store;
  final MintClient mint;
  final String mintUrl;
  final String unit;
  final KeysetBook keysets;
  final OutputFactory outputs;
  final OperationRunner runner;
  final SecureRandom random;
  final Clock clock;
  final WalletLimits limits;

  WalletOperation(WalletParts p) {
    this.store = p.store();
    this.mint = p.mint();
    this.mintUrl = p.mintUrl();
    this.unit = p.unit();
    this.keysets = p.keysets();
    this.outputs = p.outputs();
    this.runner = p.runner();
    this.random = p.random();
    this.clock = p.clock();
    this.limits = p.limits();
  }

  /** The sats reserved for {@code owner}. */
  long reservedFor(String owner) {
    return sum(store.reservedFor(owner));
  }

  InputFees fees() {
    return new InputFees(keysets::ppk);
  }

  List<StoredProof> select(List<StoredProof> candidates, long target) {
    return CoinSelector.covering(candidates, target, fees())
        .orElseThrow(
            () -> {
              long available = sum(candidates);
              long fee = fees().forKeysets(keysetIds(candidates));
              return new InsufficientFundsException(target + fee, available);
            });
  }

  /**
   * Runs an operation again once if the mint refused it because the wallet used a keyset that was
   * rotated out: the refusal refreshed the keysets, so the retry uses the new active one.
   */
  <T> T withKeysetRetry(Supplier<T> attempt) {
    try {
      return attempt.get();
    } catch (MintException e) {
      if (e.is(MintError.KEYSET_INACTIVE) || e.is(MintError.KEYSET_UNKNOWN)) {
        LOG.log(Level.INFO, "Keyset rotated at the mint; retrying with the new keyset");
        return attempt.get();
      }
      throw e;
    }
  }

  static void requireSucceeded(OperationRecord op, String what) {
    if (op.state() == OperationState.FAILED) {
      throw new WalletException(what + " failed: " + op.error());
    }
  }

  void requireAmount(long sats) {
    if (sats <= 0) {
      throw new IllegalArgumentException("amount must be positive");
    }
    if (sats > limits.maxAmount()) {
      throw new IllegalArgumentException("amount must be at most " + limits.maxAmount() + " sats");
    }
  }

  static String newOperationId() {
    return UUID.randomUUID().toString();
  }

  /** The id of the second attempt of a caller-named operation (after a keyset rotation). */
  static String retryId(String operationId) {
    return operationId + "~2";
  }

  /**
   * The id of the next attempt of an operation the caller named {@code operationId} (random when it
   * named none): its own id first, {@link #retryId} for the keyset retry.
   */
  static String chosenId(String operationId, int[] attempt) {
    if (operationId == null) {
      return newOperationId();
    }
    return attempt[0]++ == 0 ? operationId : retryId(operationId);
  }

  /**
   * {@code op} brought as far as the mint allows when it is still executing and no thread of this
   * process runs it.
   *
   * @throws OperationInDoubtException if its outcome stays unknown
   */
  OperationRecord settled(OperationRecord op) {
    if (op.state() != OperationState.EXECUTING) {
      return op;
    }
    if (!runner.claim(op.id())) {
      throw new OperationInDoubtException(op.id(), null);
    }
    OperationRecord resolved;
    try {
      resolved = runner.resolve(op);
    } catch (RuntimeException unknown) {
      throw new OperationInDoubtException(op.id(), unknown);
    } finally {
      runner.unclaim(op.id());
    }
    if (resolved.state() == OperationState.EXECUTING) {
      throw new OperationInDoubtException(op.id(), null);
    }
    return resolved;
  }

  static long sum(List<StoredProof> proofs) {
    long total = 0;
    for (StoredProof p : proofs) {
      total = Math.addExact(total, p.amount());
    }
    return total;
  }

  static List<String> secretsOf(List<StoredProof> proofs) {
    return proofs.stream().map(StoredProof::secret).toList();
  }

  static List<String> keysetIds(List<StoredProof> proofs) {
    return proofs.stream().map(StoredProof::keysetId).toList();
  }

  static List<JournalInput> inputsOf(List<StoredProof> proofs) {
    return proofs.stream().map(p -> JournalInput.of(p.proof(), p.y())).toList();
  }
}
