package org.openpleb.cashu.wallet;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.cashu.mint.MintException;
import org.openpleb.cashu.mint.MintProtocolException;
import org.openpleb.cashu.mint.MintUnreachableException;
import org.openpleb.cashu.store.OperationKind;
import org.openpleb.cashu.store.OperationRecord;
import org.openpleb.cashu.store.OperationState;

/**
 * Recovery: finishes or undoes every interrupted operation of the journal, settles pending payments
 * and claimed tokens, and frees proofs no open operation holds.
 */
final class RecoveryOperation extends WalletOperation {

  private static final Logger LOG = Logger.getLogger(RecoveryOperation.class.getName());

  RecoveryOperation(WalletParts parts) {
    super(parts);
  }

  RecoveryReport recover() {
    List<OperationRecord> open = store.operations(OperationState.EXECUTING, OperationState.PENDING);
    if (!open.isEmpty()) {
      // A quiet wallet opens without touching the network; one with work learns the keysets.
      try {
        keysets.refresh();
      } catch (MintUnreachableException | MintProtocolException | MintException e) {
        LOG.log(Level.WARNING, "Keysets not refreshed during recovery: {0}", e.getMessage());
      }
    }
    int resolved = 0;
    int unresolved = 0;
    int settled = 0;
    int outstanding = 0;
    for (OperationRecord op : open) {
      if (!runner.claim(op.id())) {
        if (op.state() == OperationState.EXECUTING) {
          unresolved++;
        }
        continue;
      }
      try {
        OperationRecord after = runner.resolve(op);
        OperationState now = after.state();
        boolean token = op.kind() == OperationKind.SEND;
        if (token && now == OperationState.PENDING) {
          outstanding++;
        }
        if (token && op.state() == OperationState.PENDING && now == OperationState.DONE) {
          settled++;
        }
        if (now == OperationState.EXECUTING || (now == OperationState.PENDING && !token)) {
          // still interrupted, or a Lightning payment still in flight
          unresolved++;
        } else if (op.state() == OperationState.EXECUTING || !token) {
          resolved++;
        }
      } catch (MintUnreachableException | MintProtocolException | MintException e) {
        LOG.log(
            Level.WARNING, "Operation {0} left open: {1}", new Object[] {op.id(), e.getMessage()});
        if (op.kind() == OperationKind.SEND && op.state() == OperationState.PENDING) {
          outstanding++;
        } else {
          unresolved++;
        }
      } finally {
        runner.unclaim(op.id());
      }
    }
    int orphans = store.releaseOrphans();
    RecoveryReport report = new RecoveryReport(resolved, unresolved, settled, outstanding, orphans);
    if (resolved > 0 || unresolved > 0 || orphans > 0) {
      LOG.log(Level.INFO, "Wallet recovery: {0}", report);
    }
    return report;
  }
}
