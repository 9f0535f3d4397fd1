package org.openpleb.cashu.wallet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.cashu.mint.MeltQuoteResponse;
import org.openpleb.cashu.mint.MintException;
import org.openpleb.cashu.mint.MintProtocolException;
import org.openpleb.cashu.mint.MintUnreachableException;
import org.openpleb.cashu.model.Keyset;
import org.openpleb.cashu.store.OperationKind;
import org.openpleb.cashu.store.OperationRecord;
import org.openpleb.cashu.store.OperationState;
import org.openpleb.cashu.store.ProofState;
import org.openpleb.cashu.store.StoredMeltQuote;
import org.openpleb.cashu.store.StoredProof;

/**
 * Melting (NUT-05): pays a Lightning invoice with ecash under a journaled operation, with blank
 * outputs for the fee change (NUT-08).
 */
final class MeltOperation extends WalletOperation {

  private static final Logger LOG = Logger.getLogger(MeltOperation.class.getName());

  MeltOperation(WalletParts parts) {
    super(parts);
  }

  MeltResult melt(String bolt11) {
    return melt(bolt11, null);
  }

  /**
   * Like {@link #melt(String)}, journaled under {@code operationId} (a retry after the mint rotated
   * its keyset under {@link #retryId}), so the caller finds the payment again by it.
   */
  MeltResult melt(String bolt11, String operationId) {
    Objects.requireNonNull(bolt11, "bolt11");
    keysets.ensureActive();
    MeltQuoteResponse q = mint.createMeltQuote(bolt11, unit);
    requireMeltable(q);
    store.saveMeltQuote(
        new StoredMeltQuote(
            q.quote(),
            bolt11,
            q.amount(),
            q.feeReserve(),
            q.unit(),
            q.state(),
            q.expiry(),
            q.paymentPreimage(),
            0));
    int[] attempt = {0};
    return withKeysetRetry(() -> meltOnce(q, chosenId(operationId, attempt)));
  }

  private void requireMeltable(MeltQuoteResponse q) {
    if (q.amount() <= 0 || q.feeReserve() < 0) {
      throw new WalletException("The mint quoted no positive amount for this invoice");
    }
    long total;
    try {
      total = Math.addExact(q.amount(), q.feeReserve());
    } catch (ArithmeticException overflow) {
      total = Long.MAX_VALUE;
    }
    if (total > limits.maxAmount()) {
      throw new WalletException(
          "Paying this invoice takes "
              + total
              + " sats with the fee reserve; at most "
              + limits.maxAmount()
              + " may move at once");
    }
  }

  private MeltResult meltOnce(MeltQuoteResponse q, String opId) {
    runner.claim(opId);
    try {
      store.writeVoid(
          () -> {
            List<StoredProof> inputs =
                select(store.proofs(ProofState.READY), q.amount() + q.feeReserve());
            long fee = fees().forKeysets(keysetIds(inputs));
            long overpaid = sum(inputs) - fee - q.amount();
            // Blank outputs enough to return any part of the overpayment in powers of two.
            int blanks = overpaid > 0 ? 64 - Long.numberOfLeadingZeros(overpaid) : 0;
            Keyset ks = keysets.outputKeyset();
            List<OutputFactory.Planned> planned = new ArrayList<>();
            for (int i = 0; i < blanks; i++) {
              planned.add(new OutputFactory.Planned(OutputRole.BLANK, 1, null));
            }
            List<JournalOutput> outs = outputs.create(ks, planned);
            store.hold(secretsOf(inputs), ProofState.READY, null, opId);
            runner.journal(
                opId, new JournalPayload.Melt(q.quote(), q.amount(), inputsOf(inputs), outs, fee));
          });
      return meltResult(runner.execute(opId));
    } finally {
      runner.unclaim(opId);
    }
  }

  /**
   * Where the payment journaled under {@code operationId} (or its keyset retry) stands, asking the
   * mint if it is still open; empty when no such payment was journaled.
   */
  Optional<MeltResult> melted(String operationId) {
    MeltResult found = null;
    for (String id : List.of(operationId, retryId(operationId))) {
      if (store.operation(id).filter(op -> op.kind() == OperationKind.MELT).isEmpty()) {
        continue;
      }
      found = checkMelt(id);
      if (found.status() != MeltStatus.FAILED) {
        return Optional.of(found);
      }
    }
    return Optional.ofNullable(found);
  }

  MeltResult checkMelt(String operationId) {
    OperationRecord op =
        store
            .operation(operationId)
            .filter(o -> o.kind() == OperationKind.MELT)
            .orElseThrow(() -> new WalletException("No melt operation " + operationId));
    if (op.state().open() && runner.claim(op.id())) {
      try {
        op = runner.resolve(op);
      } finally {
        runner.unclaim(op.id());
      }
    }
    return meltResult(op);
  }

  /**
   * Asks the mint about every Lightning payment still pending and settles those it has; one the
   * mint cannot answer for now stays pending for the next time.
   */
  void reconcilePending() {
    for (OperationRecord op : store.operations(OperationState.PENDING)) {
      if (op.kind() != OperationKind.MELT) {
        continue;
      }
      try {
        checkMelt(op.id());
      } catch (MintUnreachableException | MintProtocolException | MintException e) {
        LOG.log(
            Level.WARNING,
            "Pending payment {0} not checked: {1}",
            new Object[] {op.id(), e.getMessage()});
      }
    }
  }

  private MeltResult meltResult(OperationRecord op) {
    JournalEntry e = OperationRunner.entry(op);
    String preimage = store.meltQuote(e.quote()).map(StoredMeltQuote::paymentPreimage).orElse(null);
    long inputs = e.inputs().stream().mapToLong(JournalInput::amount).sum();
    return switch (op.state()) {
      case DONE ->
          new MeltResult(
              op.id(), MeltStatus.PAID, e.amount(), op.fee(), inputs + op.amount(), preimage);
      case PENDING, EXECUTING ->
          new MeltResult(op.id(), MeltStatus.PENDING, e.amount(), 0, 0, null);
      case FAILED -> new MeltResult(op.id(), MeltStatus.FAILED, e.amount(), 0, 0, null);
    };
  }
}
