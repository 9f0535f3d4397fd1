package org.openpleb.cashu.wallet;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.openpleb.cashu.mint.MintError;
import org.openpleb.cashu.mint.MintException;
import org.openpleb.cashu.mint.MintQuoteResponse;
import org.openpleb.cashu.mint.MintQuoteState;
import org.openpleb.cashu.model.Keyset;
import org.openpleb.cashu.store.OperationKind;
import org.openpleb.cashu.store.OperationRecord;
import org.openpleb.cashu.store.OperationState;
import org.openpleb.cashu.store.StoredMintQuote;

/**
 * Minting (NUT-04): asks the mint for a Lightning invoice and, once it is paid, mints its ecash
 * under a journaled operation. Idempotent per quote.
 */
final class MintOperation extends WalletOperation {

  private static final Logger LOG = Logger.getLogger(MintOperation.class.getName());

  MintOperation(WalletParts parts) {
    super(parts);
  }

  MintQuote requestMintQuote(long sats) {
    requireAmount(sats);
    MintQuoteResponse q = mint.createMintQuote(sats, unit);
    store.saveMintQuote(
        new StoredMintQuote(
            q.quote(), q.request(), q.amount(), q.unit(), q.state(), q.expiry(), 0));
    return new MintQuote(q.quote(), q.request(), q.amount(), q.state(), q.expiry());
  }

  Optional<MintQuote> checkQuote(String quoteId) {
    MintQuoteResponse q;
    try {
      q = mint.mintQuote(quoteId);
    } catch (MintException unknown) {
      return Optional.empty();
    }
    long amount = amountOf(q);
    store.saveMintQuote(
        new StoredMintQuote(q.quote(), q.request(), amount, q.unit(), q.state(), q.expiry(), 0));
    return Optional.of(new MintQuote(q.quote(), q.request(), amount, q.state(), q.expiry()));
  }

  MintResult mintPaidQuote(String quoteId, String reserveFor) {
    Objects.requireNonNull(quoteId, "quoteId");
    String claimKey = "quote:" + quoteId;
    if (!runner.claim(claimKey)) {
      throw new WalletException("This quote is already being minted");
    }
    try {
      Optional<MintResult> earlier = earlierMint(quoteId);
      if (earlier.isPresent()) {
        return earlier.get();
      }
      MintQuoteResponse q = mint.mintQuote(quoteId);
      long amount = amountOf(q);
      store.saveMintQuote(
          new StoredMintQuote(q.quote(), q.request(), amount, q.unit(), q.state(), q.expiry(), 0));
      if (q.state() == MintQuoteState.UNPAID) {
        throw new MintException(MintError.QUOTE_NOT_PAID, "Quote is not paid yet");
      }
      if (q.state() == MintQuoteState.ISSUED) {
        throw new MintException(MintError.QUOTE_ALREADY_ISSUED, "Quote was already minted");
      }
      if (amount <= 0 || !unit.equals(q.unit())) {
        throw new WalletException("Quote is not for a positive amount in " + unit);
      }
      if (amount > limits.maxAmount()) {
        // the amount is the mint's word; outputs are planned from it, so it is bounded too
        throw new WalletException(
            "Quote is for " + amount + " sats, more than the " + limits.maxAmount() + " allowed");
      }
      try {
        return withKeysetRetry(() -> mintOnce(quoteId, amount, reserveFor));
      } catch (MintException e) {
        // A recovery running at the same time may have minted it into this wallet.
        if (e.is(MintError.QUOTE_ALREADY_ISSUED)) {
          return earlierMint(quoteId).orElseThrow(() -> e);
        }
        throw e;
      }
    } finally {
      runner.unclaim(claimKey);
    }
  }

  private MintResult mintOnce(String quoteId, long amount, String reserveFor) {
    keysets.ensureActive();
    String opId = newOperationId();
    runner.claim(opId);
    try {
      store.writeVoid(
          () -> {
            Keyset ks = keysets.outputKeyset();
            OutputRole role = reserveFor == null ? OutputRole.KEEP : OutputRole.RESERVE;
            List<JournalOutput> outs =
                outputs.create(ks, OutputFactory.plan(role, amount, ks, null));
            runner.journal(opId, new JournalPayload.Mint(quoteId, amount, outs, reserveFor));
          });
      OperationRecord op = runner.execute(opId);
      return mintResult(op);
    } finally {
      runner.unclaim(opId);
    }
  }

  private Optional<MintResult> earlierMint(String quoteId) {
    for (OperationRecord op : store.operationsForQuote(quoteId)) {
      if (op.kind() != OperationKind.MINT) {
        continue;
      }
      if (op.state() == OperationState.DONE) {
        return Optional.of(mintResult(op));
      }
      if (op.state() == OperationState.EXECUTING && runner.claim(op.id())) {
        try {
          OperationRecord resolved = runner.resolve(op);
          if (resolved.state() == OperationState.DONE) {
            return Optional.of(mintResult(resolved));
          }
          if (resolved.state() == OperationState.EXECUTING) {
            throw new OperationInDoubtException(op.id(), null);
          }
        } finally {
          runner.unclaim(op.id());
        }
      }
    }
    return Optional.empty();
  }

  private MintResult mintResult(OperationRecord op) {
    if (op.state() != OperationState.DONE) {
      throw new WalletException("Minting failed: " + op.error());
    }
    return new MintResult(op.id(), op.amount(), OperationRunner.entry(op).owner());
  }

  private long amountOf(MintQuoteResponse q) {
    if (q.amount() > 0) {
      return q.amount();
    }
    return store.mintQuote(q.quote()).map(StoredMintQuote::amount).orElse(0L);
  }
}
