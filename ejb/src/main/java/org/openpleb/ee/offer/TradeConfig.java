package org.openpleb.ee.offer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpleb.ee.platform.ConfigCheck;
import org.openpleb.ee.platform.SettingsRule;
import org.openpleb.ee.settlement.ForfeitedBondPolicy;
import org.openpleb.ee.settlement.PayoutTable;

/**
 * The trading settings: how long an offer may stay in each state (OpenPleb's values, measured from
 * entering the state), how often the deadlines and invoices are looked at, the per-user limits, the
 * receipt size, and where forfeited taker bonds go. Checked at startup through {@link
 * SettingsRule}.
 */
@ApplicationScoped
public class TradeConfig implements SettingsRule {

  /** Seconds an offer may stay CREATED (unfunded). */
  public static final String TIMEOUT_CREATED = "OFFER_TIMEOUT_CREATED";

  /** Seconds an offer may wait for its Lightning invoice to be paid. */
  public static final String TIMEOUT_INVOICE_CREATED = "OFFER_TIMEOUT_INVOICE_CREATED";

  /** Seconds a funded offer stays in the order book. */
  public static final String TIMEOUT_INVOICE_PAID = "OFFER_TIMEOUT_INVOICE_PAID";

  /** Seconds a taker has from the claim to post the receipt. */
  public static final String TIMEOUT_CLAIMED = "OFFER_TIMEOUT_CLAIMED";

  /** Seconds the maker has to answer a receipt before it is approved by default. */
  public static final String TIMEOUT_RECEIPT_SUBMITTED = "OFFER_TIMEOUT_RECEIPT_SUBMITTED";

  /** Seconds the taker has to answer the maker's issue. */
  public static final String TIMEOUT_MARKED_WITH_ISSUE = "OFFER_TIMEOUT_MARKED_WITH_ISSUE";

  /** Milliseconds between two runs of the deadline sweeper. */
  public static final String SWEEP_INTERVAL = "OFFER_SWEEP_INTERVAL";

  /** Milliseconds between two looks for offer invoices due for a check. */
  public static final String QUOTE_POLL_INTERVAL = "OFFER_QUOTE_POLL_INTERVAL";

  /** Milliseconds a page of the order book is answered from memory (0: never). */
  public static final String BOOK_CACHE_TTL = "OFFER_BOOK_CACHE_TTL";

  /** Seconds a funding or claim may hold an offer before the sweeper undoes it. */
  public static final String ATTEMPT_TIMEOUT = "OFFER_ATTEMPT_TIMEOUT";

  /** Most offers one pubkey may have open as a maker. */
  public static final String OPEN_OFFER_LIMIT = "OFFER_OPEN_LIMIT";

  /** Most offers one pubkey may have claimed and not finished as a taker. */
  public static final String OPEN_CLAIM_LIMIT = "OFFER_CLAIM_LIMIT";

  /** Largest receipt image, bytes. */
  public static final String RECEIPT_MAX_BYTES = "OFFER_RECEIPT_MAX_BYTES";

  /** Most pixels (width times height) a receipt image may have. */
  public static final String RECEIPT_MAX_PIXELS = "OFFER_RECEIPT_MAX_PIXELS";

  /** PLATFORM or MAKER: who receives a taker's forfeited bond. */
  public static final String FORFEITED_BOND_TO = "OPENPLEB_FORFEITED_BOND_TO";

  @Inject
  @ConfigProperty(name = TIMEOUT_CREATED)
  long created;

  @Inject
  @ConfigProperty(name = TIMEOUT_INVOICE_CREATED)
  long invoiceCreated;

  @Inject
  @ConfigProperty(name = TIMEOUT_INVOICE_PAID)
  long invoicePaid;

  @Inject
  @ConfigProperty(name = TIMEOUT_CLAIMED)
  long claimed;

  @Inject
  @ConfigProperty(name = TIMEOUT_RECEIPT_SUBMITTED)
  long receiptSubmitted;

  @Inject
  @ConfigProperty(name = TIMEOUT_MARKED_WITH_ISSUE)
  long markedWithIssue;

  @Inject
  @ConfigProperty(name = SWEEP_INTERVAL)
  long sweepInterval;

  @Inject
  @ConfigProperty(name = QUOTE_POLL_INTERVAL)
  long quotePollInterval;

  @Inject
  @ConfigProperty(name = BOOK_CACHE_TTL)
  long bookCacheTtl;

  @Inject
  @ConfigProperty(name = ATTEMPT_TIMEOUT)
  long attemptTimeout;

  @Inject
  @ConfigProperty(name = OPEN_OFFER_LIMIT)
  int openOfferLimit;

  @Inject
  @ConfigProperty(name = OPEN_CLAIM_LIMIT)
  int openClaimLimit;

  @Inject
  @ConfigProperty(name = RECEIPT_MAX_BYTES)
  int receiptMaxBytes;

  @Inject
  @ConfigProperty(name = RECEIPT_MAX_PIXELS)
  long receiptMaxPixels;

  @Inject
  @ConfigProperty(name = FORFEITED_BOND_TO)
  String forfeitedBondTo;

  /** The deadline of each timed state. */
  public StateDeadlines deadlines() {
    Map<OfferState, Duration> t = new EnumMap<>(OfferState.class);
    t.put(OfferState.CREATED, Duration.ofSeconds(created));
    t.put(OfferState.INVOICE_CREATED, Duration.ofSeconds(invoiceCreated));
    t.put(OfferState.INVOICE_PAID, Duration.ofSeconds(invoicePaid));
    t.put(OfferState.CLAIMED, Duration.ofSeconds(claimed));
    t.put(OfferState.RECEIPT_SUBMITTED, Duration.ofSeconds(receiptSubmitted));
    t.put(OfferState.MARKED_WITH_ISSUE, Duration.ofSeconds(markedWithIssue));
    return new StateDeadlines(t);
  }

  public Duration sweepInterval() {
    return Duration.ofMillis(sweepInterval);
  }

  public Duration quotePollInterval() {
    return Duration.ofMillis(quotePollInterval);
  }

  /** How long a page of the order book is answered from memory; zero for never. */
  public Duration bookCacheTtl() {
    return Duration.ofMillis(bookCacheTtl);
  }

  public Duration attemptTimeout() {
    return Duration.ofSeconds(attemptTimeout);
  }

  public int openOfferLimit() {
    return openOfferLimit;
  }

  public int openClaimLimit() {
    return openClaimLimit;
  }

  public int receiptMaxBytes() {
    return receiptMaxBytes;
  }

  /** The most pixels a receipt image may have, as its header states them. */
  public long receiptMaxPixels() {
    return receiptMaxPixels;
  }

  /** The payout table with the configured forfeited-bond policy. */
  public PayoutTable payoutTable() {
    return new PayoutTable(forfeitedBondPolicy(forfeitedBondTo).orElseThrow());
  }

  /** The policy a raw setting names, if it names one (any case). */
  static Optional<ForfeitedBondPolicy> forfeitedBondPolicy(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(ForfeitedBondPolicy.valueOf(raw.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Declares the rules for this feature's settings: positive timeouts, limits and sizes, and a
   * forfeited-bond policy of PLATFORM or MAKER.
   */
  @Override
  public void declare(ConfigCheck check) {
    for (String key :
        new String[] {
          TIMEOUT_CREATED,
          TIMEOUT_INVOICE_CREATED,
          TIMEOUT_INVOICE_PAID,
          TIMEOUT_CLAIMED,
          TIMEOUT_RECEIPT_SUBMITTED,
          TIMEOUT_MARKED_WITH_ISSUE,
          SWEEP_INTERVAL,
          QUOTE_POLL_INTERVAL,
          ATTEMPT_TIMEOUT
        }) {
      check.positiveLong(key);
    }
    check.nonNegativeLong(BOOK_CACHE_TTL);
    check.positiveInt(OPEN_OFFER_LIMIT);
    check.positiveInt(OPEN_CLAIM_LIMIT);
    check.positiveInt(RECEIPT_MAX_BYTES);
    check.positiveLong(RECEIPT_MAX_PIXELS);
    String policy = check.raw(FORFEITED_BOND_TO).orElse("");
    if (forfeitedBondPolicy(policy).isEmpty()) {
      check.violation(FORFEITED_BOND_TO + " must be PLATFORM or MAKER, not '" + policy + "'");
    }
  }
}
