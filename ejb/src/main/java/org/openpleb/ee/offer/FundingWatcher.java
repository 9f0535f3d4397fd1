package org.openpleb.ee.offer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.settlement.TradeWallets;
import org.openpleb.ee.wallet.InvoiceLooks;
import org.openpleb.ee.wallet.QuoteNotifications;

/**
 * The server-side watcher of funding invoices: makers pay and need not poll. It asks the mint about
 * each watched invoice (no wallet opened), and once one is paid opens the maker's wallet, mints the
 * escrow into it reserved for the offer, and moves the offer to INVOICE_PAID. An invoice paid after
 * its offer expired is minted all the same and credited to the maker's wallet, never stranded.
 * Unpaid invoices are looked at again with a growing backoff until they expire, at once when their
 * maker reads the offer ({@link #lookOnRead}), and at once when the mint says over NUT-17 that the
 * invoice is paid ({@link #subscribe}, {@link QuoteNotifications}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FundingWatcher {

  private static final Logger LOG = Logger.getLogger(FundingWatcher.class.getName());

  /** Invoices looked at per tick. */
  static final int BATCH = 200;

  /** How long one look may hold an invoice before another may take it. */
  static final Duration CHECK_LEASE = Duration.ofMinutes(2);

  /** The longest wait between two looks at an unpaid invoice. */
  static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

  /** How long after its expiry an unpaid invoice is still asked about (clocks differ). */
  static final Duration EXPIRY_GRACE = Duration.ofMinutes(1);

  @EJB OfferRepository offers;

  @EJB OfferTransitions transitions;

  @Inject TradeWallets wallets;

  @Inject TradeConfig config;

  @Inject Clock clock;

  @Inject TradeExecutor workers;

  @Inject InvoiceLooks looks;

  @Inject QuoteNotifications notifications;

  @Resource SessionContext context;

  /** This bean through the container, for notifications that arrive on other threads. */
  FundingWatcher self;

  @PostConstruct
  void findSelf() {
    self = context.getBusinessObject(FundingWatcher.class);
  }

  /** Looks at every watched invoice that is due; returns how many were looked at. */
  public int watch() {
    List<String> due = offers.quoteDueIds(now(), BATCH);
    List<Future<?>> running = new ArrayList<>();
    for (String id : due) {
      try {
        running.add(workers.submit(() -> check(id)));
      } catch (RejectedExecutionException full) {
        check(id);
      }
    }
    for (Future<?> f : running) {
      try {
        f.get(5, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        LOG.log(Level.WARNING, "An invoice check failed", e);
      }
    }
    return due.size();
  }

  /**
   * One look at one offer's invoice, if it is due and nobody else is looking.
   *
   * @return where the watch stands afterwards, or empty if this call did not look
   */
  public Optional<QuoteWatch> check(String offerId) {
    Offer offer = offers.find(offerId).orElse(null);
    if (offer == null
        || offer.quoteState().orElse(null) != QuoteWatch.WATCHING
        || offer.quoteNextCheckAt().isEmpty()) {
      return Optional.empty();
    }
    OffsetDateTime now = now();
    OffsetDateTime due = offer.quoteNextCheckAt().get();
    // not due: another look holds it (its lease is a next look in the future) or it waits out its
    // backoff; taking it anyway would run a second look beside the one holding it, and the slower
    // of two looks at a paid invoice would take the faster one's funding for an ended offer
    if (due.isAfter(now) || !transitions.takeQuoteCheck(offerId, due, now.plus(CHECK_LEASE))) {
      return Optional.empty();
    }
    return Optional.of(look(offer, now, null));
  }

  /**
   * A look at once at the invoice of an offer its maker {@code readerPubkey} is reading (instant
   * payment detection, {@link InvoiceLooks}), unless another look holds it or the budget of looks
   * on read is spent. Returns when the look is done, or after {@code INVOICE_LOOK_WAIT}.
   *
   * @return whether a look ran to its end (the offer may have changed: read it again)
   */
  public boolean lookOnRead(Offer offer, String readerPubkey) {
    if (offer.quoteState().orElse(null) != QuoteWatch.WATCHING
        || offer.quoteNextCheckAt().isEmpty()
        || !offer.makerPubkey().equals(readerPubkey)) {
      return false;
    }
    return looks.lookNow("offer:" + offer.id(), readerPubkey, () -> lookNow(offer.id()));
  }

  /**
   * Subscribes to the offer's unpaid invoice at the mint (NUT-17, where offered): once the mint
   * says it is paid, the invoice is looked at at once, as a look on read would ({@link
   * #lookOnNotice}). Nothing otherwise: the timer finds the payment.
   */
  public void subscribe(Offer offer) {
    if (!notifications.on()
        || offer.quoteState().orElse(null) != QuoteWatch.WATCHING
        || offer.quoteId().isEmpty()) {
      return;
    }
    String offerId = offer.id();
    FundingWatcher through = self;
    notifications.watch(offer.quoteId().get(), () -> through.lookOnNotice(offerId));
  }

  /**
   * The look a paid-invoice notification asks for: at once, under the same lease as every look (a
   * look already holding the invoice wins, and minting a quote twice is impossible), leaving the
   * timer's schedule as it was.
   */
  public void lookOnNotice(String offerId) {
    lookNow(offerId);
  }

  private void lookNow(String offerId) {
    Offer offer = offers.find(offerId).orElse(null);
    if (offer == null
        || offer.quoteState().orElse(null) != QuoteWatch.WATCHING
        || offer.quoteNextCheckAt().isEmpty()) {
      return;
    }
    OffsetDateTime now = now();
    OffsetDateTime next = offer.quoteNextCheckAt().get();
    // a look holds its invoice for CHECK_LEASE, longer than any backoff: leave such a one alone
    if (next.isAfter(now.plus(MAX_BACKOFF))
        || !transitions.takeQuoteCheck(offerId, next, now.plus(CHECK_LEASE))) {
      return;
    }
    // the read's look leaves the watcher's schedule (next look, backoff) as it was
    look(offer, now, next);
  }

  /**
   * One look at the invoice of {@code offer}, taken for this call. An unpaid invoice is looked at
   * again after the backoff, or at {@code keepNext} (with the backoff as it was) for a look on
   * read.
   */
  private QuoteWatch look(Offer offer, OffsetDateTime now, OffsetDateTime keepNext) {
    String quoteId = offer.quoteId().orElseThrow();
    TradeWallets.InvoiceState state;
    try {
      state = wallets.invoiceState(quoteId);
    } catch (DomainException unreachable) {
      return retry(offer, keepNext);
    }
    return switch (state) {
      case UNPAID -> unpaid(offer, now, keepNext);
      case UNKNOWN -> ended(offer, QuoteWatch.FAILED, Map.of("reason", "unknown to the mint"));
      case PAID -> paid(offer, keepNext);
    };
  }

  private QuoteWatch unpaid(Offer offer, OffsetDateTime now, OffsetDateTime keepNext) {
    boolean lapsed =
        offer.quoteExpiresAt().map(at -> now.isAfter(at.plus(EXPIRY_GRACE))).orElse(false);
    if (lapsed) {
      return ended(offer, QuoteWatch.LAPSED, Map.of());
    }
    QuoteWatch watching = retry(offer, keepNext);
    // (again) after a restart, a lost socket or a notification the look found early; only once
    // the look has let go of the invoice: the mint answers a subscription with the invoice's state
    // at once, and a PAID answer's look must not find this look still holding it
    subscribe(offer);
    return watching;
  }

  private QuoteWatch paid(Offer offer, OffsetDateTime keepNext) {
    String owner = offer.escrowOwner().orElseThrow();
    TradeWallets.WalletRef maker =
        new TradeWallets.WalletRef(
            offer.makerWalletId(), offer.makerPubkey(), offer.makerSessionId());
    long minted;
    try {
      minted = wallets.mintHeld(maker, offer.quoteId().orElseThrow(), owner);
    } catch (DomainException e) {
      LOG.log(
          Level.WARNING,
          "Offer {0}: invoice paid but not minted yet ({1}); will retry",
          new Object[] {offer.id(), e.code()});
      return retry(offer, keepNext);
    }
    notifications.unwatch(offer.quoteId().orElseThrow());
    if (transitions.invoicePaid(offer.id(), minted).isPresent()) {
      LOG.log(
          Level.INFO,
          "Offer {0}: invoice paid, {1} sats minted as escrow into wallet {2}",
          new Object[] {offer.id(), minted, offer.makerWalletId()});
      return QuoteWatch.MINTED;
    }
    if (offers
        .find(offer.id())
        .flatMap(Offer::quoteState)
        .filter(state -> state == QuoteWatch.MINTED)
        .isPresent()) {
      // another look funded the offer with this very minting: the escrow is the offer's
      return QuoteWatch.MINTED;
    }
    // the offer stopped waiting (it expired): the sats belong to the maker, spendable
    long released = wallets.release(offer.makerWalletId(), owner);
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("minted", Long.toString(minted));
    facts.put("credited", Long.toString(released));
    ended(offer, QuoteWatch.CREDITED, facts);
    LOG.log(
        Level.INFO,
        "Offer {0}: invoice paid after the offer ended; {1} sats credited to wallet {2}",
        new Object[] {offer.id(), released, offer.makerWalletId()});
    return QuoteWatch.CREDITED;
  }

  private QuoteWatch ended(Offer offer, QuoteWatch end, Map<String, String> facts) {
    offer.quoteId().ifPresent(notifications::unwatch);
    transitions.quoteEnded(offer.id(), end, facts);
    return end;
  }

  private QuoteWatch retry(Offer offer, OffsetDateTime keepNext) {
    if (keepNext != null) {
      transitions.rescheduleQuoteCheck(offer.id(), keepNext, offer.quoteChecks());
      return QuoteWatch.WATCHING;
    }
    int checks = offer.quoteChecks() + 1;
    transitions.rescheduleQuoteCheck(offer.id(), now().plus(backoff(checks)), checks);
    return QuoteWatch.WATCHING;
  }

  /** The wait before the next look: the poll interval growing by half per look, up to a minute. */
  Duration backoff(int checks) {
    double factor = Math.pow(1.5, Math.max(0, checks - 1));
    double millis = config.quotePollInterval().toMillis() * factor;
    return millis >= MAX_BACKOFF.toMillis() ? MAX_BACKOFF : Duration.ofMillis((long) millis);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
