package org.openpleb.ee.offer;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.openpleb.ee.platform.TestClock;
import org.openpleb.ee.pricing.BtcPrice;
import org.openpleb.ee.pricing.OfferPricing;
import org.openpleb.ee.pricing.PriceQuote;
import org.openpleb.ee.pricing.PriceService;
import org.openpleb.ee.session.PubKey;
import org.openpleb.ee.settlement.ForfeitedBondPolicy;
import org.openpleb.ee.settlement.InMemorySettlementLedger;
import org.openpleb.ee.settlement.InMemoryTradeWallets;
import org.openpleb.ee.settlement.Settler;
import org.openpleb.ee.settlement.TestSettlers;
import org.openpleb.ee.treasury.Treasury;
import org.openpleb.ee.wallet.QuoteNotifications;
import org.openpleb.ee.wallet.WalletId;

/**
 * The trading core wired as the container wires it, over in-memory ports and a clock the test
 * moves: offers, the settlement ledger and the wallets in memory, every worker inline. Amounts are
 * the spec's worked example: 100,000 KRW at 150,000,000 KRW per bitcoin.
 */
final class TradeDesk {

  static final long FIAT = 100_000;
  static final long S = 66_667;
  static final long P = 767;
  static final long T = 1_434;
  static final long B = 7_167;
  static final long F = S + P + T + B;
  static final String TREASURY = "treasury-wallet";

  static final Duration CREATED = Duration.ofSeconds(600);
  static final Duration INVOICE_CREATED = Duration.ofSeconds(900);
  static final Duration INVOICE_PAID = Duration.ofSeconds(3_600);
  static final Duration CLAIMED = Duration.ofSeconds(1_800);
  static final Duration RECEIPT_SUBMITTED = Duration.ofSeconds(1_200);
  static final Duration MARKED_WITH_ISSUE = Duration.ofSeconds(1_500);
  static final Duration ATTEMPT = Duration.ofSeconds(60);

  final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
  final InMemoryOfferRepository offers = new InMemoryOfferRepository();
  final InMemorySettlementLedger ledger = new InMemorySettlementLedger();
  final InMemoryTradeWallets wallets = new InMemoryTradeWallets(clock);
  final List<OfferChanged> announced = new ArrayList<>();
  final TradeConfig config = new TradeConfig();
  final OfferTransitions transitions = new OfferTransitions();
  final Settler settler;
  final Trading trading = new Trading();
  final OfferSweeper sweeper = new OfferSweeper();
  final FundingWatcher watcher = new FundingWatcher();

  /** NUT-17 subscriptions off: these tests drive the watcher's looks themselves. */
  final QuoteNotifications notifications =
      new QuoteNotifications() {
        @Override
        public boolean on() {
          return false;
        }
      };

  private int users;

  TradeDesk() {
    this(ForfeitedBondPolicy.PLATFORM);
  }

  TradeDesk(ForfeitedBondPolicy forfeitedBonds) {
    config.created = CREATED.toSeconds();
    config.invoiceCreated = INVOICE_CREATED.toSeconds();
    config.invoicePaid = INVOICE_PAID.toSeconds();
    config.claimed = CLAIMED.toSeconds();
    config.receiptSubmitted = RECEIPT_SUBMITTED.toSeconds();
    config.markedWithIssue = MARKED_WITH_ISSUE.toSeconds();
    config.sweepInterval = 1_000;
    config.quotePollInterval = 1_000;
    config.attemptTimeout = ATTEMPT.toSeconds();
    config.openOfferLimit = 5;
    config.openClaimLimit = 5;
    config.receiptMaxBytes = 1_000_000;
    config.receiptMaxPixels = 10_000_000;
    config.forfeitedBondTo = forfeitedBonds.name();

    settler = TestSettlers.settler(ledger, wallets, clock);
    TradeExecutor inline =
        new TradeExecutor() {
          @Override
          public <T> Future<T> submit(Callable<T> task) {
            throw new RejectedExecutionException("run it on the caller's thread");
          }
        };

    transitions.offers = offers;
    transitions.settlements = ledger;
    transitions.treasury =
        new Treasury() {
          @Override
          public String walletId() {
            return TREASURY;
          }
        };
    transitions.config = config;
    transitions.pricing =
        new OfferPricing() {
          @Override
          public PriceQuote quote(long fiatMinorUnits, BigDecimal btcPrice) {
            return new PriceQuote(S, P, T, B);
          }
        };
    transitions.announcements = new Announcements(announced);
    transitions.clock = clock;
    transitions.wallets = wallets;

    trading.transitions = transitions;
    trading.offers = offers;
    trading.settlements = ledger;
    trading.settler = settler;
    trading.wallets = wallets;
    trading.prices =
        new PriceService() {
          @Override
          public BtcPrice current() {
            return price();
          }
        };
    trading.config = config;
    trading.watcher = watcher;

    sweeper.offers = offers;
    sweeper.transitions = transitions;
    sweeper.settlements = ledger;
    sweeper.settler = settler;
    sweeper.wallets = wallets;
    sweeper.clock = clock;
    sweeper.workers = inline;

    watcher.offers = offers;
    watcher.transitions = transitions;
    watcher.wallets = wallets;
    watcher.config = config;
    watcher.clock = clock;
    watcher.workers = inline;
    watcher.notifications = notifications;
  }

  BtcPrice price() {
    return new BtcPrice("KRW", BigDecimal.valueOf(150_000_000), clock.instant(), "test");
  }

  /** A new user whose wallet holds {@code sats} spendable. */
  Trader trader(long sats) {
    users++;
    Trader trader =
        new Trader(
            "session-" + users, new PubKey("pubkey-" + users), new WalletId("wallet-" + users));
    if (sats > 0) {
      wallets.deposit(trader.walletId().value(), sats);
    }
    return trader;
  }

  /** A new offer of {@code maker}, in CREATED. */
  String created(Trader maker) {
    return trading.create(maker, FIAT, "bank-qr", null).id();
  }

  /** A new offer of {@code maker}, funded from the maker's balance. */
  String funded(Trader maker) {
    String id = created(maker);
    trading.fundFromBalance(id, maker);
    return id;
  }

  Offer offer(String id) {
    return offers.find(id).orElseThrow();
  }

  OfferState status(String id) {
    return offer(id).status();
  }

  void advance(Duration by) {
    clock.advance(by);
  }

  /** A real PNG receipt of 8 x 8 pixels. */
  static ReceiptImage receipt() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      javax.imageio.ImageIO.write(
          new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
          "png",
          out);
      return new ReceiptImage("image/png", out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The announcements of offer changes, kept in order. */
  private record Announcements(List<OfferChanged> fired) implements Event<OfferChanged> {

    @Override
    public void fire(OfferChanged event) {
      fired.add(event);
    }

    @Override
    public <U extends OfferChanged> CompletionStage<U> fireAsync(U event) {
      fired.add(event);
      return CompletableFuture.completedFuture(event);
    }

    @Override
    public <U extends OfferChanged> CompletionStage<U> fireAsync(
        U event, NotificationOptions options) {
      return fireAsync(event);
    }

    @Override
    public Event<OfferChanged> select(Annotation... qualifiers) {
      return this;
    }

    @Override
    public <U extends OfferChanged> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends OfferChanged> Event<U> select(
        TypeLiteral<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }
  }
}
