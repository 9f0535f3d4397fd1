package org.openpleb.cashu.wallet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.cashu.mint.ProofCheck;
import org.openpleb.cashu.mint.ProofStatus;
import org.openpleb.cashu.mint.RestoreResult;
import org.openpleb.cashu.model.BlindSignature;
import org.openpleb.cashu.model.Keyset;
import org.openpleb.cashu.model.Proof;
import org.openpleb.cashu.store.OperationKind;
import org.openpleb.cashu.store.OperationRecord;
import org.openpleb.cashu.store.ProofState;
import org.openpleb.cashu.store.StoredProof;
import org.openpleb.cashu.token.Token;

/**
 * Restoring from the seed (NUT-13 + NUT-09): rebuilds a lost wallet's proofs by asking the mint
 * which of the seed's outputs it signed.
 */
final class RestoreOperation extends WalletOperation {

  private static final Logger LOG = Logger.getLogger(RestoreOperation.class.getName());
  private static final int BATCH = 100;
  private static final int EMPTY_BATCHES_TO_STOP = 3;

  private final ReceiveOperation receives;

  RestoreOperation(WalletParts parts, ReceiveOperation receives) {
    super(parts);
    this.receives = receives;
  }

  RestoreReport restoreFromSeed() {
    keysets.refresh();
    List<StoredProof> found = new ArrayList<>();
    for (Keyset summary : keysets.all()) {
      Keyset ks = keysets.withKeys(summary.id());
      long counter = 0;
      long lastHit = -1;
      int empty = 0;
      while (empty < EMPTY_BATCHES_TO_STOP) {
        List<JournalOutput> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
          batch.add(outputs.derived(ks.id(), counter + i));
        }
        RestoreResult restored = mint.restore(OperationRunner.messages(batch));
        if (restored.outputs().isEmpty()) {
          empty++;
        } else {
          empty = 0;
          Map<String, JournalOutput> byBlinded = new HashMap<>();
          batch.forEach(o -> byBlinded.put(o.blinded(), o));
          for (int i = 0; i < restored.outputs().size(); i++) {
            JournalOutput out = byBlinded.get(restored.outputs().get(i).B_());
            BlindSignature sig = restored.signatures().get(i);
            found.add(
                OutputFactory.unblind(
                    out,
                    sig,
                    keysets.key(sig.id(), sig.amount()),
                    ProofState.READY,
                    null,
                    null,
                    null));
            lastHit = Math.max(lastHit, out.counter());
          }
        }
        counter += BATCH;
      }
      store.raiseCounter(ks.id(), lastHit + 1);
    }
    List<StoredProof> unspent = new ArrayList<>();
    int spent = 0;
    for (int from = 0; from < found.size(); from += BATCH) {
      List<StoredProof> chunk = found.subList(from, Math.min(found.size(), from + BATCH));
      List<ProofCheck> states = mint.checkState(chunk.stream().map(StoredProof::y).toList());
      for (int i = 0; i < chunk.size(); i++) {
        if (states.get(i).status() == ProofStatus.UNSPENT) {
          unspent.add(chunk.get(i));
        } else {
          spent++;
        }
      }
    }
    int added = store.addProofs(unspent);
    long amount = sum(unspent);
    LOG.log(Level.INFO, "Restored {0} proofs from the seed", added);
    return new RestoreReport(added, amount, spent);
  }

  /**
   * Puts a token this wallet handed out back in flight after a restore: the restore found its
   * proofs unspent and stored them as spendable, but the token's holder may still claim them. The
   * token's proofs this wallet holds as spendable and the mint reports spent are marked spent; the
   * rest go in flight under a new pending send that carries the token, exactly as a send of exact
   * proofs leaves them, so {@link Wallet#outstandingTokens()}, {@link Wallet#reconcileInflight()}
   * and {@link Wallet#reclaim(String)} treat it like any other token. Adopting the same token again
   * changes nothing.
   */
  AdoptedToken adoptSentToken(String text) {
    Token token = receives.decode(text);
    List<String> secrets = token.proofs().stream().map(Proof::secret).toList();
    List<StoredProof> stored = store.proofsBySecret(secrets);
    Optional<AdoptedToken> earlier = adoptedBefore(stored);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    List<StoredProof> ready = stored.stream().filter(p -> p.state() == ProofState.READY).toList();
    if (ready.isEmpty()) {
      return new AdoptedToken(null, 0, 0);
    }
    // the mint is asked outside the wallet lock; the proofs are moved only if still spendable
    List<ProofCheck> states = mint.checkState(ready.stream().map(StoredProof::y).toList());
    List<StoredProof> unclaimed = new ArrayList<>();
    List<StoredProof> claimed = new ArrayList<>();
    for (int i = 0; i < ready.size(); i++) {
      if (states.get(i).status() == ProofStatus.SPENT) {
        claimed.add(ready.get(i));
      } else {
        unclaimed.add(ready.get(i));
      }
    }
    String opId = newOperationId();
    runner.claim(opId);
    try {
      return store.write(
          () -> {
            store.markSpent(secretsOf(claimed));
            if (unclaimed.isEmpty()) {
              return new AdoptedToken(null, 0, sum(claimed));
            }
            long amount = sum(unclaimed);
            store.hold(secretsOf(unclaimed), ProofState.READY, null, opId);
            runner.journalPending(
                opId,
                new JournalPayload.Send(
                    amount, inputsOf(unclaimed), null, null, text, token.memo(), 0),
                -amount);
            LOG.log(Level.INFO, "Send operation {0}: a restored token put back in flight", opId);
            return new AdoptedToken(opId, amount, sum(claimed));
          });
    } finally {
      runner.unclaim(opId);
    }
  }

  /** The pending send that already holds these proofs, if a token was adopted (or sent) before. */
  private Optional<AdoptedToken> adoptedBefore(List<StoredProof> stored) {
    for (StoredProof p : stored) {
      if (p.state() == ProofState.INFLIGHT && p.usedByOp() != null) {
        Optional<OperationRecord> op =
            store
                .operation(p.usedByOp())
                .filter(o -> o.kind() == OperationKind.SEND && o.state().open());
        if (op.isPresent()) {
          return Optional.of(new AdoptedToken(op.get().id(), sum(store.heldBy(op.get().id())), 0));
        }
      }
    }
    return Optional.empty();
  }
}
