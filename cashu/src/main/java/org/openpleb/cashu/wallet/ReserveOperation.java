package org.openpleb.cashu.wallet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.openpleb.cashu.model.Keyset;
import org.openpleb.cashu.store.OperationRecord;
import org.openpleb.cashu.store.ProofState;
import org.openpleb.cashu.store.StoredProof;

/**
 * Reserving: sets sats aside for an owner (an offer's escrow), swapping first under a journaled
 * operation if no exact set of proofs is at hand.
 */
final class ReserveOperation extends WalletOperation {

  private static final Logger LOG = Logger.getLogger(ReserveOperation.class.getName());

  ReserveOperation(WalletParts parts) {
    super(parts);
  }

  Reservation reserve(long amount, String owner) {
    requireAmount(amount);
    Objects.requireNonNull(owner, "owner");
    return withKeysetRetry(() -> reserveOnce(amount, owner));
  }

  private Reservation reserveOnce(long amount, String owner) {
    String opId = newOperationId();
    runner.claim(opId);
    try {
      boolean swapped =
          store.write(
              () -> {
                List<StoredProof> ready = store.proofs(ProofState.READY);
                Optional<List<StoredProof>> exact = CoinSelector.exact(ready, amount);
                if (exact.isPresent()) {
                  store.reserve(secretsOf(exact.get()), owner);
                  return false;
                }
                keysets.ensureActive();
                Keyset ks = keysets.outputKeyset();
                List<StoredProof> inputs = select(ready, amount);
                long fee = fees().forKeysets(keysetIds(inputs));
                long change = sum(inputs) - fee - amount;
                List<OutputFactory.Planned> planned = new ArrayList<>();
                planned.addAll(OutputFactory.plan(OutputRole.RESERVE, amount, ks, null));
                planned.addAll(OutputFactory.plan(OutputRole.KEEP, change, ks, null));
                List<JournalOutput> outs = outputs.create(ks, planned);
                store.hold(secretsOf(inputs), ProofState.READY, null, opId);
                runner.journal(
                    opId, new JournalPayload.Reserve(amount, inputsOf(inputs), outs, owner, fee));
                return true;
              });
      long fee = 0;
      if (swapped) {
        OperationRecord op = runner.execute(opId);
        requireSucceeded(op, "Reserve");
        fee = op.fee();
      }
      return new Reservation(owner, reservedFor(owner), fee);
    } finally {
      runner.unclaim(opId);
    }
  }

  long release(String owner) {
    Objects.requireNonNull(owner, "owner");
    return store.unreserve(owner);
  }
}
