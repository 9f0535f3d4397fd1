package org.openpleb.ee.wallet;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openpleb.cashu.mint.MintError;
import org.openpleb.cashu.mint.MintException;
import org.openpleb.cashu.mint.MintQuoteState;
import org.openpleb.cashu.wallet.MintResult;
import org.openpleb.cashu.wallet.ReceiveResult;
import org.openpleb.cashu.wallet.SendOptions;
import org.openpleb.cashu.wallet.SendResult;
import org.openpleb.ee.platform.ProblemCode;

/**
 * A session wallet handle over a {@link File} kept by the test, so a reopened handle sees what the
 * last one left, as a reopened SQLite file would. Minting asks the {@link FakeMint} for the quote
 * and is idempotent per quote, like the real wallet's journal; failures reach the caller as {@link
 * WalletOperationException}s, classified as the real handle classifies them.
 */
final class FakeSessionWallet extends SessionWallet {

  /** What a wallet file holds. */
  static final class File {
    long spendable;
    long reserved;
    long inflight;
    boolean openOperations;

    /** Sats of withdrawn tokens the mint reports claimed at the next reconcile. */
    long claimedAtReconcile;

    /** Thrown (after classification) by the next operation, then cleared. */
    RuntimeException nextFailure;

    boolean unreadable;

    /** Run inside the next token receive, then cleared (something happening meanwhile). */
    Runnable duringNextReceive;

    final Map<String, MintResult> minted = new HashMap<>();

    /** Tokens sent under a caller-named operation id, by that id. */
    final Map<String, SendResult> sent = new LinkedHashMap<>();

    /** Operation ids of sent tokens the mint reports redeemed. */
    final Set<String> claimedTokens = new HashSet<>();

    int mintCalls;

    WalletBalance balance() {
      return new WalletBalance(spendable, reserved, inflight);
    }
  }

  private final File file;
  private final FakeMint mint;
  private final Clock clock;

  FakeSessionWallet(File file, FakeMint mint, Clock clock) {
    this.file = file;
    this.mint = mint;
    this.clock = clock;
  }

  private void failIfAsked() {
    RuntimeException failure = file.nextFailure;
    if (failure != null) {
      file.nextFailure = null;
      throw WalletOperationException.of(failure, false);
    }
  }

  @Override
  public BalanceReading balance() {
    if (file.unreadable) {
      throw WalletOperationException.of(new IllegalStateException("file gone"), false);
    }
    return new BalanceReading(
        file.balance(), OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
  }

  @Override
  public MintResult mintPaidQuote(String quoteId) {
    synchronized (file) {
      file.mintCalls++;
      failIfAsked();
      MintResult before = file.minted.get(quoteId);
      if (before != null) {
        return before;
      }
      FakeMint.Quote quote = mint.quote(quoteId);
      if (quote == null || quote.state == MintQuoteState.UNPAID) {
        throw WalletOperationException.of(
            new MintException(MintError.QUOTE_NOT_PAID, "not paid"), false);
      }
      if (quote.state == MintQuoteState.ISSUED) {
        throw WalletOperationException.of(
            new MintException(MintError.QUOTE_ALREADY_ISSUED, "issued"), false);
      }
      quote.state = MintQuoteState.ISSUED;
      MintResult result = new MintResult(UUID.randomUUID().toString(), quote.amount, null);
      file.minted.put(quoteId, result);
      file.spendable += quote.amount;
      return result;
    }
  }

  @Override
  public ReceiveResult receive(String token) {
    synchronized (file) {
      failIfAsked();
      Runnable during = file.duringNextReceive;
      file.duringNextReceive = null;
      if (during != null) {
        during.run();
      }
      long amount = Long.parseLong(token.substring("cashuA".length()));
      file.spendable += amount;
      return new ReceiveResult(UUID.randomUUID().toString(), amount, 0);
    }
  }

  @Override
  public SendResult send(long amount, SendOptions options) {
    synchronized (file) {
      failIfAsked();
      if (amount > file.spendable) {
        throw new WalletOperationException(
            ProblemCode.INSUFFICIENT_FUNDS, "not enough", null, null);
      }
      file.spendable -= amount;
      file.inflight += amount;
      String lock = options.lockToPubkey() == null ? "" : ":" + options.lockToPubkey();
      return new SendResult(UUID.randomUUID().toString(), "cashuA" + amount + lock, amount, 0);
    }
  }

  @Override
  public SendResult send(long amount, SendOptions options, String operationId) {
    synchronized (file) {
      SendResult sent = send(amount, options);
      SendResult named = new SendResult(operationId, sent.token(), sent.amount(), sent.fee());
      file.sent.put(operationId, named);
      return named;
    }
  }

  @Override
  public Optional<SendResult> sent(String operationId) {
    synchronized (file) {
      return Optional.ofNullable(file.sent.get(operationId));
    }
  }

  @Override
  public List<SendResult> outstandingTokens() {
    synchronized (file) {
      return file.sent.values().stream()
          .filter(s -> !file.claimedTokens.contains(s.operationId()))
          .toList();
    }
  }

  @Override
  public int reconcileInflight() {
    synchronized (file) {
      failIfAsked();
      long claimed = Math.min(file.claimedAtReconcile, file.inflight);
      file.inflight -= claimed;
      file.claimedAtReconcile = 0;
      return claimed > 0 ? 1 : 0;
    }
  }

  @Override
  public boolean hasOpenOperations() {
    synchronized (file) {
      failIfAsked();
      return file.openOperations;
    }
  }

  @Override
  public boolean busy() {
    return false;
  }

  @Override
  public boolean usable() {
    return true;
  }

  @Override
  public void close() {}
}
