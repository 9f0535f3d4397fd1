package org.openpleb.ee.settlement;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/**
 * Session wallets in memory for unit tests: a spendable balance and holds per wallet, invoices the
 * test pays, and bearer tokens that can be received once. No mint fees. A test may take the mint
 * away ({@link #mintDown}) or count the tokens made, to prove a settlement resumes without paying
 * twice. Every sat stays on the books: {@link #total()} changes only by deposits and invoices.
 */
public final class InMemoryTradeWallets implements TradeWallets {

  private final Clock clock;
  private final Map<String, Long> spendable = new HashMap<>();
  private final Map<String, Map<String, Long>> holds = new HashMap<>();
  private final Map<String, Long> invoices = new HashMap<>();
  private final Set<String> paid = new HashSet<>();
  private final Set<String> minted = new HashSet<>();
  private final Map<String, Token> outstanding = new LinkedHashMap<>();
  private final Set<String> redeemed = new HashSet<>();
  // sats of tokens a wallet made that were redeemed, which it still counts in flight until settled
  private final Map<String, Long> redeemedUnsettled = new HashMap<>();
  private int tokens;

  /** When true {@link #settleRedeemed} fails as if the mint could not tell now. */
  public boolean settleDown;

  /** When true every call that needs the mint fails with MINT_UNAVAILABLE. */
  public boolean mintDown;

  /** Tokens made by {@link #send}. */
  public int sends;

  private record Token(String walletId, String memo, Sent sent) {}

  /** Wallets whose invoices expire an hour after {@code clock}'s now. */
  public InMemoryTradeWallets(Clock clock) {
    this.clock = clock;
  }

  /** Credits {@code amount} spendable sats to a wallet, as a paid deposit would. */
  public void deposit(String walletId, long amount) {
    spendable.merge(walletId, amount, Long::sum);
  }

  /** A token worth {@code amount} sats that no wallet holds yet, as a user would post. */
  public String token(long amount) {
    String token = "cashuA" + (++tokens);
    outstanding.put(token, new Token(null, null, new Sent(token, amount, 0)));
    return token;
  }

  /** The payer of an invoice pays it. */
  public void pay(String quoteId) {
    paid.add(quoteId);
  }

  /** Spendable sats of a wallet. */
  public long spendable(String walletId) {
    return spendable.getOrDefault(walletId, 0L);
  }

  /** Sats held in a wallet under any owner. */
  public long held(String walletId) {
    return holds.getOrDefault(walletId, Map.of()).values().stream().mapToLong(v -> v).sum();
  }

  /**
   * Sats a wallet counts in flight: tokens it made that nobody received yet, and tokens received
   * elsewhere that it has not settled yet (a real wallet learns that only from the mint).
   */
  public long inflight(String walletId) {
    long out =
        outstanding.values().stream()
            .filter(t -> walletId.equals(t.walletId()))
            .mapToLong(t -> t.sent().amount())
            .sum();
    return out + redeemedUnsettled.getOrDefault(walletId, 0L);
  }

  /** Every sat in every wallet, held or not, plus tokens made and not received. */
  public long total() {
    long wallets = spendable.values().stream().mapToLong(v -> v).sum();
    long held = holds.values().stream().flatMap(m -> m.values().stream()).mapToLong(v -> v).sum();
    long inFlight =
        outstanding.values().stream()
            .filter(t -> t.walletId() != null)
            .mapToLong(t -> t.sent().amount())
            .sum();
    return wallets + held + inFlight;
  }

  private void requireMint() {
    if (mintDown) {
      throw new DomainException(ProblemCode.MINT_UNAVAILABLE, "the mint is away");
    }
  }

  @Override
  public Invoice requestInvoice(WalletRef maker, String offerId, long amount) {
    requireMint();
    String quoteId = "quote-" + (invoices.size() + 1);
    invoices.put(quoteId, amount);
    return new Invoice(
        "record-" + quoteId,
        quoteId,
        "lnbc" + amount,
        amount,
        OffsetDateTime.now(clock).plus(Duration.ofHours(1)));
  }

  @Override
  public void holdInvoice(Invoice invoice) {
    if (!invoices.containsKey(invoice.quoteId())) {
      throw new IllegalStateException("no such invoice");
    }
  }

  @Override
  public InvoiceState invoiceState(String quoteId) {
    requireMint();
    if (!invoices.containsKey(quoteId)) {
      return InvoiceState.UNKNOWN;
    }
    return paid.contains(quoteId) ? InvoiceState.PAID : InvoiceState.UNPAID;
  }

  @Override
  public long mintHeld(WalletRef wallet, String quoteId, String owner) {
    requireMint();
    if (!paid.contains(quoteId)) {
      throw new DomainException(ProblemCode.MINT_REJECTED, "not paid");
    }
    long amount = invoices.get(quoteId);
    if (minted.add(quoteId)) {
      hold(wallet.walletId(), owner).merge(owner, amount, Long::sum);
    }
    return amount;
  }

  private Map<String, Long> hold(String walletId, String owner) {
    return holds.computeIfAbsent(walletId, w -> new HashMap<>());
  }

  @Override
  public long hold(WalletRef wallet, long amount, String owner) {
    requireMint();
    long balance = spendable(wallet.walletId());
    if (balance < amount) {
      throw new DomainException(ProblemCode.INSUFFICIENT_FUNDS, "not enough spendable sats");
    }
    spendable.put(wallet.walletId(), balance - amount);
    hold(wallet.walletId(), owner).merge(owner, amount, Long::sum);
    return 0;
  }

  @Override
  public long holdToken(WalletRef wallet, String token, long amount, String owner) {
    receive(wallet.walletId(), token);
    return hold(wallet, amount, owner);
  }

  @Override
  public long release(String walletId, String owner) {
    requireMint();
    Long held = hold(walletId, owner).remove(owner);
    if (held == null) {
      return 0;
    }
    spendable.merge(walletId, held, Long::sum);
    return held;
  }

  @Override
  public long heldFor(String walletId, String owner) {
    return hold(walletId, owner).getOrDefault(owner, 0L);
  }

  @Override
  public Sent send(String walletId, String owner, long amount, String memo) {
    requireMint();
    long held = heldFor(walletId, owner);
    long out = Math.min(amount, held);
    if (out <= 0) {
      throw new DomainException(ProblemCode.INSUFFICIENT_FUNDS, "nothing held for " + owner);
    }
    hold(walletId, owner).put(owner, held - out);
    String token = "cashuA" + (++tokens);
    Sent sent = new Sent(token, out, 0);
    outstanding.put(token, new Token(walletId, memo, sent));
    sends++;
    return sent;
  }

  @Override
  public Optional<Sent> findSent(String walletId, String memo) {
    requireMint();
    return outstanding.values().stream()
        .filter(t -> walletId.equals(t.walletId()) && memo.equals(t.memo()))
        .map(Token::sent)
        .findFirst();
  }

  @Override
  public int settleRedeemed(String walletId) {
    requireMint();
    if (settleDown) {
      throw new DomainException(ProblemCode.MINT_UNAVAILABLE, "the mint cannot tell now");
    }
    return redeemedUnsettled.remove(walletId) == null ? 0 : 1;
  }

  @Override
  public Received receive(String walletId, String token) {
    requireMint();
    if (redeemed.contains(token)) {
      throw new DomainException(ProblemCode.TOKEN_ALREADY_SPENT, "token already spent");
    }
    Token t = outstanding.remove(token);
    if (t == null) {
      throw new DomainException(ProblemCode.TOKEN_INVALID, "no such token");
    }
    redeemed.add(token);
    if (t.walletId() != null) {
      redeemedUnsettled.merge(t.walletId(), t.sent().amount(), Long::sum);
    }
    spendable.merge(walletId, t.sent().amount(), Long::sum);
    return new Received(t.sent().amount(), 0);
  }
}
