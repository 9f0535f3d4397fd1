package org.openpleb.cashu.wallet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;
import org.openpleb.cashu.mint.ProofCheck;
import org.openpleb.cashu.mint.ProofStatus;
import org.openpleb.cashu.model.Keyset;
import org.openpleb.cashu.model.Proof;
import org.openpleb.cashu.store.OperationKind;
import org.openpleb.cashu.store.OperationRecord;
import org.openpleb.cashu.store.OperationState;
import org.openpleb.cashu.store.ProofState;
import org.openpleb.cashu.store.StoredProof;
import org.openpleb.cashu.token.Token;

/**
 * Reclaiming: takes back the unclaimed part of a token this wallet made, swapping its proofs into
 * fresh ones under a journaled operation.
 */
final class ReclaimOperation extends WalletOperation {

  private static final Logger LOG = Logger.getLogger(ReclaimOperation.class.getName());

  private final ReceiveOperation receives;

  ReclaimOperation(WalletParts parts, ReceiveOperation receives) {
    super(parts);
    this.receives = receives;
  }

  ReceiveResult reclaim(String tokenOrOperationId) {
    Objects.requireNonNull(tokenOrOperationId, "tokenOrOperationId");
    String sendOp;
    if (tokenOrOperationId.startsWith("cashu")) {
      Token token = receives.decode(tokenOrOperationId);
      List<String> secrets = token.proofs().stream().map(Proof::secret).toList();
      sendOp =
          store.proofsBySecret(secrets).stream()
              .filter(p -> p.state() == ProofState.INFLIGHT && p.usedByOp() != null)
              .map(StoredProof::usedByOp)
              .findFirst()
              .orElse(null);
      if (sendOp == null) {
        return receives.receive(tokenOrOperationId, ReceiveOptions.defaults());
      }
    } else {
      sendOp = tokenOrOperationId;
    }
    OperationRecord send =
        store
            .operation(sendOp)
            .filter(o -> o.kind() == OperationKind.SEND)
            .orElseThrow(() -> new WalletException("No token was sent by operation " + sendOp));
    if (send.state() != OperationState.PENDING) {
      throw new WalletException("Token of operation " + sendOp + " is no longer outstanding");
    }
    if (!runner.claim(sendOp)) {
      throw new WalletException("Token of operation " + sendOp + " is busy");
    }
    try {
      return reclaimOnce(send);
    } finally {
      runner.unclaim(sendOp);
    }
  }

  private ReceiveResult reclaimOnce(OperationRecord send) {
    List<StoredProof> held = store.heldBy(send.id());
    List<ProofCheck> states = mint.checkState(held.stream().map(StoredProof::y).toList());
    List<StoredProof> unspent = new ArrayList<>();
    List<String> spent = new ArrayList<>();
    for (int i = 0; i < held.size(); i++) {
      if (states.get(i).status() == ProofStatus.UNSPENT) {
        unspent.add(held.get(i));
      } else if (states.get(i).status() == ProofStatus.SPENT) {
        spent.add(held.get(i).secret());
      }
    }
    store.markSpent(spent);
    if (unspent.isEmpty()) {
      runner.settleToken(send);
      throw new WalletException("Token was already claimed");
    }
    long fee = fees().forKeysets(keysetIds(unspent));
    long net = sum(unspent) - fee;
    if (net <= 0) {
      throw new WalletException("Token is worth no more than the fee to reclaim it");
    }
    keysets.ensureActive();
    String opId = newOperationId();
    runner.claim(opId);
    try {
      store.writeVoid(
          () -> {
            Keyset ks = keysets.outputKeyset();
            List<JournalOutput> outs =
                outputs.create(ks, OutputFactory.plan(OutputRole.KEEP, net, ks, null));
            store.transfer(secretsOf(unspent), send.id(), opId);
            runner.journal(
                opId, new JournalPayload.Reclaim(net, inputsOf(unspent), outs, send.id(), fee));
          });
      OperationRecord op = runner.execute(opId);
      requireSucceeded(op, "Reclaim");
      return new ReceiveResult(op.id(), op.amount(), op.fee());
    } finally {
      runner.unclaim(opId);
    }
  }
}
