package org.openpleb.cashu.wallet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.cashu.mint.ProofCheck;
import org.openpleb.cashu.mint.ProofStatus;
import org.openpleb.cashu.mint.RestoreResult;
import org.openpleb.cashu.model.BlindSignature;
import org.openpleb.cashu.model.Keyset;
import org.openpleb.cashu.store.ProofState;
import org.openpleb.cashu.store.StoredProof;

/**
 * Restoring from the seed (NUT-13 + NUT-09): rebuilds a lost wallet's proofs by asking the mint
 * which of the seed's outputs it signed.
 */
final class RestoreOperation extends WalletOperation {

  private static final Logger LOG = Logger.getLogger(RestoreOperation.class.getName());
  private static final int BATCH = 100;
  private static final int EMPTY_BATCHES_TO_STOP = 3;

  RestoreOperation(WalletParts parts) {
    super(parts);
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
}
