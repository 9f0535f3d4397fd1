package org.openpleb.cashu.wallet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.cashu.model.Keyset;
import org.openpleb.cashu.model.Proof;
import org.openpleb.cashu.store.OperationKind;
import org.openpleb.cashu.store.OperationRecord;
import org.openpleb.cashu.store.OperationState;
import org.openpleb.cashu.store.ProofState;
import org.openpleb.cashu.store.StoredProof;
import org.openpleb.cashu.token.Token;
import org.openpleb.cashu.token.TokenCodec;

/**
 * Sending: makes a token from spendable or reserved proofs, swapping first unless an exact set is
 * at hand, and follows handed-out tokens until the mint says they are claimed.
 */
final class SendOperation extends WalletOperation {

  private static final Logger LOG = Logger.getLogger(SendOperation.class.getName());

  SendOperation(WalletParts parts) {
    super(parts);
  }

  SendResult send(long amount, SendOptions options) {
    return send(amount, options, null);
  }

  /**
   * Like {@link #send(long, SendOptions)}, journaled under {@code operationId} (a retry after the
   * mint rotated its keyset under {@link #retryId}), so the caller finds the send again by it.
   */
  SendResult send(long amount, SendOptions options, String operationId) {
    requireAmount(amount);
    SendOptions opts = options == null ? SendOptions.defaults() : options;
    int[] attempt = {0};
    return withKeysetRetry(
        () -> sendOnce(ProofState.READY, null, amount, opts, chosenId(operationId, attempt)));
  }

  SendResult sendReserved(String owner, SendOptions options) {
    Objects.requireNonNull(owner, "owner");
    SendOptions opts = options == null ? SendOptions.defaults() : options;
    long reserved = reservedFor(owner);
    if (reserved <= 0) {
      throw new InsufficientFundsException(1, 0);
    }
    if (opts.lockToPubkey() == null) {
      return sendOnce(ProofState.RESERVED, owner, reserved, opts);
    }
    long fee = fees().forKeysets(keysetIds(store.reservedFor(owner)));
    if (reserved - fee <= 0) {
      throw new InsufficientFundsException(fee + 1, reserved);
    }
    return withKeysetRetry(() -> sendOnce(ProofState.RESERVED, owner, reserved - fee, opts));
  }

  SendResult sendReserved(String owner, long amount, SendOptions options) {
    Objects.requireNonNull(owner, "owner");
    requireAmount(amount);
    SendOptions opts = options == null ? SendOptions.defaults() : options;
    return withKeysetRetry(() -> sendOnce(ProofState.RESERVED, owner, amount, opts));
  }

  private SendResult sendOnce(ProofState source, String owner, long amount, SendOptions opts) {
    return sendOnce(source, owner, amount, opts, newOperationId());
  }

  private SendResult sendOnce(
      ProofState source, String owner, long amount, SendOptions opts, String opId) {
    keysets.ensureActive();
    runner.claim(opId);
    try {
      Optional<SendResult> direct =
          store.write(
              () -> {
                List<StoredProof> candidates =
                    source == ProofState.READY
                        ? store.proofs(ProofState.READY)
                        : store.reservedFor(owner);
                if (opts.lockToPubkey() == null && !opts.includeReceiveFee()) {
                  Optional<List<StoredProof>> exact = CoinSelector.exact(candidates, amount);
                  // a token of more proofs than a wallet accepts is made by a swap instead
                  if (exact.isPresent() && exact.get().size() <= limits.maxTokenProofs()) {
                    return Optional.of(sendWithoutSwap(opId, exact.get(), source, owner, opts));
                  }
                }
                Keyset ks = keysets.outputKeyset();
                long sendAmount = opts.includeReceiveFee() ? grossUp(amount, ks) : amount;
                List<StoredProof> inputs = select(candidates, sendAmount);
                long fee = fees().forKeysets(keysetIds(inputs));
                long change = sum(inputs) - fee - sendAmount;
                OutputRole changeRole =
                    source == ProofState.READY ? OutputRole.KEEP : OutputRole.RESERVE;
                List<OutputFactory.Planned> planned = new ArrayList<>();
                planned.addAll(
                    OutputFactory.plan(OutputRole.SEND, sendAmount, ks, opts.lockToPubkey()));
                planned.addAll(OutputFactory.plan(changeRole, change, ks, null));
                List<JournalOutput> outs = outputs.create(ks, planned);
                store.hold(secretsOf(inputs), source, owner, opId);
                runner.journal(
                    opId,
                    new JournalPayload.Send(
                        sendAmount, inputsOf(inputs), outs, owner, null, opts.memo(), fee));
                return Optional.empty();
              });
      if (direct.isPresent()) {
        return direct.get();
      }
      OperationRecord op = runner.execute(opId);
      requireSucceeded(op, "Send");
      JournalEntry e = OperationRunner.entry(op);
      if (e.token() == null) {
        throw new WalletException("Send failed: the mint signed none of the token's outputs");
      }
      return new SendResult(op.id(), e.token(), -op.amount(), op.fee());
    } finally {
      runner.unclaim(opId);
    }
  }

  private SendResult sendWithoutSwap(
      String opId, List<StoredProof> proofs, ProofState source, String owner, SendOptions opts) {
    List<Proof> list = proofs.stream().map(StoredProof::proof).toList();
    String token = TokenCodec.encodeV4(new Token(mintUrl, unit, opts.memo(), list));
    long amount = sum(proofs);
    store.hold(secretsOf(proofs), source, owner, opId);
    // Proofs handed out leave their owner's reservation for good; reclaimed, they are spendable.
    store.disown(secretsOf(proofs));
    runner.journalPending(
        opId,
        new JournalPayload.Send(amount, inputsOf(proofs), null, owner, token, opts.memo(), 0),
        -amount);
    LOG.log(Level.INFO, "Send operation {0}: token of exact proofs", opId);
    return new SendResult(opId, token, amount, 0);
  }

  private long grossUp(long amount, Keyset ks) {
    long gross = amount;
    for (int i = 0; i < 8; i++) {
      long fee = InputFees.roundUp(Denominations.split(gross, ks).size() * ks.inputFeePpk());
      if (gross - fee >= amount && gross - fee - amount < Math.max(1, fee)) {
        return gross;
      }
      gross = amount + fee;
    }
    return gross;
  }

  int reconcileInflight() {
    int settled = 0;
    for (OperationRecord op : store.operations(OperationState.PENDING)) {
      if (op.kind() != OperationKind.SEND || !runner.claim(op.id())) {
        continue;
      }
      try {
        if (runner.settleToken(op).state() == OperationState.DONE) {
          settled++;
        }
      } finally {
        runner.unclaim(op.id());
      }
    }
    return settled;
  }

  /**
   * The token of the send journaled under {@code operationId} (or its keyset retry): present once
   * the send succeeded, claimed or not; empty when no such send happened or it failed. A send the
   * process left open is resolved with the mint first.
   *
   * @throws OperationInDoubtException if the mint cannot settle the send's outcome now
   */
  Optional<SendResult> sent(String operationId) {
    for (String id : List.of(operationId, retryId(operationId))) {
      Optional<OperationRecord> found =
          store.operation(id).filter(op -> op.kind() == OperationKind.SEND);
      if (found.isEmpty()) {
        continue;
      }
      OperationRecord op = settled(found.get());
      if (op.state() == OperationState.FAILED) {
        continue;
      }
      JournalEntry e = OperationRunner.entry(op);
      if (e.token() == null) {
        continue;
      }
      return Optional.of(new SendResult(op.id(), e.token(), -op.amount(), op.fee()));
    }
    return Optional.empty();
  }

  List<SendResult> outstandingTokens() {
    List<SendResult> tokens = new ArrayList<>();
    for (OperationRecord op : store.operations(OperationState.PENDING)) {
      if (op.kind() == OperationKind.SEND) {
        JournalEntry e = OperationRunner.entry(op);
        if (e.token() != null) {
          tokens.add(new SendResult(op.id(), e.token(), -op.amount(), op.fee()));
        }
      }
    }
    return tokens;
  }
}
