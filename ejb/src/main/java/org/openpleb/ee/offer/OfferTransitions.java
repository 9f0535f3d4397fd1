package org.openpleb.ee.offer;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.pricing.BtcPrice;
import org.openpleb.ee.pricing.OfferPricing;
import org.openpleb.ee.pricing.PriceQuote;
import org.openpleb.ee.settlement.Hold;
import org.openpleb.ee.settlement.Outcome;
import org.openpleb.ee.settlement.Payout;
import org.openpleb.ee.settlement.SettlementLedger;
import org.openpleb.ee.settlement.SettlementOrder;
import org.openpleb.ee.settlement.TradeWallets;
import org.openpleb.ee.treasury.Treasury;

/**
 * Every change of an offer, each in one transaction of its own: a compare-and-set on the state the
 * offer was read in (plus any attempt or party it must still have), the new state's deadline, one
 * line appended to the offer's audit chain, the settlement when the trade ends, and an {@link
 * OfferChanged} event that observers act on after commit. A change that lost a race, came too late
 * or came from the wrong party is refused with a problem code and changes nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OfferTransitions {

  private static final Logger LOG = Logger.getLogger(OfferTransitions.class.getName());

  /** The longest free text a party or the admin may attach. */
  public static final int MAX_TEXT = 2000;

  /** The longest bank QR code payload. */
  public static final int MAX_QR = 2048;

  /** The longest fiat provider label. */
  public static final int MAX_PROVIDER = 64;

  @EJB OfferRepository offers;

  @EJB SettlementLedger settlements;

  @EJB Treasury treasury;

  @Inject TradeConfig config;

  @Inject OfferPricing pricing;

  @Inject Event<OfferChanged> announcements;

  @Inject Clock clock;

  /** Creates an offer in CREATED for {@code maker}, priced at {@code price}. */
  public Offer create(
      Trader maker, long fiatAmount, String qrCode, String fiatProvider, BtcPrice price) {
    String qr = requireText("qrCode", qrCode, MAX_QR);
    if (fiatProvider != null) {
      refuseControlCharacters("fiatProvider", fiatProvider);
    }
    String provider = fiatProvider == null || fiatProvider.isBlank() ? null : fiatProvider.trim();
    if (provider != null && provider.length() > MAX_PROVIDER) {
      throw invalid("fiatProvider must be at most " + MAX_PROVIDER + " characters");
    }
    PriceQuote quote = pricing.quote(fiatAmount, price.fiatPerBtc());
    offers.lockUser(maker.pubkey());
    if (offers.countOpenAsMaker(maker.pubkey()) >= config.openOfferLimit()) {
      throw new DomainException(
          ProblemCode.CONFLICT,
          "You have "
              + config.openOfferLimit()
              + " unfinished offers already; finish or let one expire first");
    }
    OffsetDateTime now = now();
    Offer offer =
        Offer.created(
            maker,
            fiatAmount,
            Currency.getInstance(price.currency()),
            price.fiatPerBtc(),
            qr,
            provider,
            quote,
            now,
            config.deadlines().deadline(OfferState.CREATED, now).orElseThrow());
    offers.add(offer);
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("fiatAmount", Long.toString(fiatAmount));
    facts.put("currency", price.currency());
    facts.put("btcPrice", price.fiatPerBtc().stripTrailingZeros().toPlainString());
    facts.put("priceSource", price.source());
    facts.put("sats", Long.toString(quote.sats()));
    facts.put("platformFee", Long.toString(quote.platformFee()));
    facts.put("takerFee", Long.toString(quote.takerFee()));
    facts.put("bond", Long.toString(quote.bond()));
    facts.put("funding", Long.toString(quote.makerFunding()));
    facts.put("deadline", offer.expiresAt().orElseThrow().toString());
    if (provider != null) {
      facts.put("fiatProvider", provider);
    }
    offers.appendAudit(
        new OfferRepository.AuditEntryDraft(
            offer.id(),
            now,
            actor(Role.MAKER, maker.pubkey()),
            "CREATE",
            null,
            OfferState.CREATED,
            facts));
    Offer created = offers.find(offer.id()).orElseThrow();
    announcements.fire(OfferChanged.of(created, null));
    LOG.log(
        Level.INFO,
        "Offer {0} created by session {1}: {2} {3} for {4} sats, funding {5}",
        new Object[] {
          offer.id(),
          maker.sessionId(),
          fiatAmount,
          price.currency(),
          quote.sats(),
          quote.makerFunding()
        });
    return created;
  }

  /** Records the Lightning invoice that funds the offer: CREATED to INVOICE_CREATED. */
  public Offer invoiceRequested(String offerId, Trader maker, TradeWallets.Invoice invoice) {
    Offer offer = load(offerId);
    requireParty(offer, maker, Role.MAKER);
    OffsetDateTime now = now();
    Map<String, Object> set = new HashMap<>();
    set.put("fundingMethod", FundingMethod.LIGHTNING);
    set.put("escrowOwner", lightningEscrowOwner(offerId));
    set.put("quoteId", invoice.quoteId());
    set.put("invoice", invoice.bolt11());
    set.put("quoteExpiresAt", invoice.expiresAt());
    set.put("quoteState", QuoteWatch.WATCHING);
    set.put("quoteNextCheckAt", now);
    Map<String, Object> when = new HashMap<>();
    when.put("attemptId", null);
    return transition(
        offer,
        OfferAction.REQUEST_INVOICE,
        actor(Role.MAKER, maker.pubkey()),
        when,
        true,
        set,
        Map.of("amount", Long.toString(invoice.amount())),
        null,
        now);
  }

  /** The escrow owner of an offer funded by Lightning: the minted sats are reserved under it. */
  static String lightningEscrowOwner(String offerId) {
    return "escrow:" + offerId + ":ln";
  }

  /**
   * Starts a funding or claim attempt: the offer is taken for {@code trader} until the attempt
   * commits, is dropped, or runs out of time; no other attempt may start meanwhile.
   *
   * @return the attempt's id
   */
  public String startAttempt(String offerId, AttemptKind kind, Trader trader) {
    Offer offer = load(offerId);
    OffsetDateTime now = now();
    OfferState from;
    if (kind == AttemptKind.FUND) {
      requireParty(offer, trader, Role.MAKER);
      from = OfferState.CREATED;
    } else {
      if (offer.makerPubkey().equals(trader.pubkey())) {
        throw new DomainException(ProblemCode.FORBIDDEN, "A maker cannot claim their own offer");
      }
      from = OfferState.INVOICE_PAID;
    }
    requireState(offer, kind == AttemptKind.FUND ? OfferAction.FUND : OfferAction.CLAIM);
    requireBeforeDeadline(offer, now);
    if (kind == AttemptKind.CLAIM
        && offers.countOpenAsTaker(trader.pubkey()) >= config.openClaimLimit()) {
      throw new DomainException(
          ProblemCode.CONFLICT,
          "You have " + config.openClaimLimit() + " unfinished claims already; finish one first");
    }
    String attemptId = UUID.randomUUID().toString();
    Map<String, Object> when = new HashMap<>();
    when.put("attemptId", null);
    Map<String, Object> set = new HashMap<>();
    set.put("attemptId", attemptId);
    set.put("attemptKind", kind);
    set.put("attemptPubkey", trader.pubkey());
    set.put("attemptWalletId", trader.walletId());
    set.put("attemptUntil", now.plus(config.attemptTimeout()));
    if (!offers.update(offerId, EnumSet.of(from), when, now, set)) {
      throw new DomainException(
          ProblemCode.CONFLICT,
          kind == AttemptKind.CLAIM
              ? "Someone else is claiming this offer, or just claimed it"
              : "This offer is being funded already");
    }
    return attemptId;
  }

  /** Ends an attempt that did not commit, if it still holds the offer. */
  public boolean dropAttempt(String offerId, String attemptId) {
    Map<String, Object> when = new HashMap<>();
    when.put("attemptId", attemptId);
    return offers.update(offerId, EnumSet.allOf(OfferState.class), when, null, clearedAttempt());
  }

  private static Map<String, Object> clearedAttempt() {
    Map<String, Object> clear = new HashMap<>();
    clear.put("attemptId", null);
    clear.put("attemptKind", null);
    clear.put("attemptPubkey", null);
    clear.put("attemptWalletId", null);
    clear.put("attemptUntil", null);
    return clear;
  }

  /** Commits a funding attempt: the escrow is held, CREATED becomes INVOICE_PAID. */
  public Offer funded(
      String offerId,
      String attemptId,
      Trader maker,
      FundingMethod method,
      String escrowOwner,
      long fee) {
    Offer offer = load(offerId);
    requireParty(offer, maker, Role.MAKER);
    OffsetDateTime now = now();
    requireLiveAttempt(offer, attemptId, now);
    Map<String, Object> when = new HashMap<>();
    when.put("attemptId", attemptId);
    Map<String, Object> set = clearedAttempt();
    set.put("fundingMethod", method);
    set.put("escrowOwner", escrowOwner);
    set.put("fundingFee", fee);
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("method", method.name());
    facts.put("escrow", Long.toString(offer.funding()));
    facts.put("mintFee", Long.toString(fee));
    return transition(
        offer,
        OfferAction.FUND,
        actor(Role.MAKER, maker.pubkey()),
        when,
        true,
        set,
        facts,
        null,
        now());
  }

  /**
   * The watcher minted the paid invoice as escrow: INVOICE_CREATED becomes INVOICE_PAID. Empty when
   * the offer is no longer waiting for it (it expired meanwhile).
   */
  public Optional<Offer> invoicePaid(String offerId, long minted) {
    Offer offer = load(offerId);
    if (offer.status() != OfferState.INVOICE_CREATED) {
      return Optional.empty();
    }
    Map<String, Object> when = new HashMap<>();
    when.put("quoteState", QuoteWatch.WATCHING);
    Map<String, Object> set = new HashMap<>();
    set.put("quoteState", QuoteWatch.MINTED);
    set.put("quoteNextCheckAt", null);
    try {
      return Optional.of(
          transition(
              offer,
              OfferAction.INVOICE_PAID,
              actor(Role.SYSTEM, null),
              when,
              false,
              set,
              Map.of("minted", Long.toString(minted), "method", FundingMethod.LIGHTNING.name()),
              null,
              now()));
    } catch (DomainException lost) {
      return Optional.empty();
    }
  }

  /**
   * Ends the watch over an offer's invoice without funding it: paid too late and credited to the
   * maker's wallet, lapsed unpaid, or refused by the mint. Recorded in the audit log.
   */
  public boolean quoteEnded(String offerId, QuoteWatch end, Map<String, String> facts) {
    Offer offer = load(offerId);
    Map<String, Object> when = new HashMap<>();
    when.put("quoteState", QuoteWatch.WATCHING);
    Map<String, Object> set = new HashMap<>();
    set.put("quoteState", end);
    set.put("quoteNextCheckAt", null);
    if (!offers.update(offerId, EnumSet.allOf(OfferState.class), when, null, set)) {
      return false;
    }
    offers.appendAudit(
        new OfferRepository.AuditEntryDraft(
            offerId,
            now(),
            actor(Role.SYSTEM, null),
            "INVOICE_" + end.name(),
            offer.status(),
            offer.status(),
            facts));
    return true;
  }

  /**
   * Takes a watched invoice for one look, if it is still due at the time it was read: moves its
   * next look to {@code until}, so no other thread or server looks at the same time.
   */
  public boolean takeQuoteCheck(String offerId, OffsetDateTime dueAt, OffsetDateTime until) {
    Map<String, Object> when = new HashMap<>();
    when.put("quoteState", QuoteWatch.WATCHING);
    when.put("quoteNextCheckAt", dueAt);
    Map<String, Object> set = new HashMap<>();
    set.put("quoteNextCheckAt", until);
    return offers.update(offerId, EnumSet.allOf(OfferState.class), when, null, set);
  }

  /** Schedules the next look at a watched, unpaid invoice. */
  public void rescheduleQuoteCheck(String offerId, OffsetDateTime next, int checks) {
    Map<String, Object> when = new HashMap<>();
    when.put("quoteState", QuoteWatch.WATCHING);
    Map<String, Object> set = new HashMap<>();
    set.put("quoteNextCheckAt", next);
    set.put("quoteChecks", checks);
    offers.update(offerId, EnumSet.allOf(OfferState.class), when, null, set);
  }

  /** Commits a claim attempt: the taker's bond is held, INVOICE_PAID becomes CLAIMED. */
  public Offer claimed(String offerId, String attemptId, Trader taker, String bondOwner, long fee) {
    Offer offer = load(offerId);
    OffsetDateTime now = now();
    requireLiveAttempt(offer, attemptId, now);
    Map<String, Object> when = new HashMap<>();
    when.put("attemptId", attemptId);
    Map<String, Object> set = clearedAttempt();
    set.put("takerPubkey", taker.pubkey());
    set.put("takerSessionId", taker.sessionId());
    set.put("takerWalletId", taker.walletId());
    set.put("bondOwner", bondOwner);
    set.put("bondFee", fee);
    set.put("claimedAt", now);
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("taker", taker.pubkey());
    facts.put("bond", Long.toString(offer.terms().bond()));
    facts.put("mintFee", Long.toString(fee));
    return transition(
        offer,
        OfferAction.CLAIM,
        actor(Role.TAKER, taker.pubkey()),
        when,
        true,
        set,
        facts,
        null,
        now);
  }

  /** Stores the taker's receipt: CLAIMED becomes RECEIPT_SUBMITTED, only before the deadline. */
  public Offer receiptSubmitted(String offerId, Trader taker, ReceiptImage image) {
    Offer offer = load(offerId);
    requireParty(offer, taker, Role.TAKER);
    OffsetDateTime now = now();
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("contentType", image.contentType());
    facts.put("size", Integer.toString(image.bytes().length));
    facts.put("sha256", image.sha256());
    Offer after =
        transition(
            offer,
            OfferAction.SUBMIT_RECEIPT,
            actor(Role.TAKER, taker.pubkey()),
            Map.of("takerPubkey", taker.pubkey()),
            true,
            Map.of("receiptAt", now),
            facts,
            null,
            now);
    offers.addReceipt(new Receipt(offerId, taker.pubkey(), image, now));
    return after;
  }

  /**
   * Whether {@code taker} may post a receipt now: the offer exists, the caller is its taker and it
   * is CLAIMED within its deadline. Read without a lock, to refuse an upload before reading it.
   */
  public void requireReceiptExpected(String offerId, Trader taker) {
    Offer offer = load(offerId);
    requireParty(offer, taker, Role.TAKER);
    requireState(offer, OfferAction.SUBMIT_RECEIPT);
    requireBeforeDeadline(offer, now());
  }

  /** The maker approves the receipt: COMPLETED, settled by the payout table. */
  public Offer approved(String offerId, Trader maker, String feedback) {
    return makerVerdict(offerId, maker, feedback, OfferAction.APPROVE);
  }

  /** The maker reports a problem with the payment: MARKED_WITH_ISSUE. */
  public Offer issueMarked(String offerId, Trader maker, String feedback) {
    return makerVerdict(offerId, maker, feedback, OfferAction.MARK_ISSUE);
  }

  private Offer makerVerdict(String offerId, Trader maker, String feedback, OfferAction action) {
    String text = optionalText("feedback", feedback);
    Offer offer = load(offerId);
    requireParty(offer, maker, Role.MAKER);
    Map<String, Object> set = new HashMap<>();
    set.put("makerFeedback", text);
    return transition(
        offer,
        action,
        actor(Role.MAKER, maker.pubkey()),
        Map.of(),
        true,
        set,
        text == null ? Map.of() : Map.of("feedback", text),
        null,
        now());
  }

  /** The taker disputes the maker's issue: DISPUTED, for the admin to resolve. */
  public Offer countered(String offerId, Trader taker, String message) {
    return takerAnswer(offerId, taker, message, OfferAction.COUNTER);
  }

  /** The taker gives up after the maker's issue: FORFEITED, settled at once. */
  public Offer forfeited(String offerId, Trader taker, String message) {
    return takerAnswer(offerId, taker, message, OfferAction.FORFEIT);
  }

  private Offer takerAnswer(String offerId, Trader taker, String message, OfferAction action) {
    String text = optionalText("message", message);
    Offer offer = load(offerId);
    requireParty(offer, taker, Role.TAKER);
    Map<String, Object> set = new HashMap<>();
    set.put("takerResponse", text);
    return transition(
        offer,
        action,
        actor(Role.TAKER, taker.pubkey()),
        Map.of("takerPubkey", taker.pubkey()),
        true,
        set,
        text == null ? Map.of() : Map.of("message", text),
        null,
        now());
  }

  /** The admin decides a dispute: RESOLVED, settled by the resolution's row. */
  public Offer resolved(String offerId, String admin, Resolution resolution, String reason) {
    if (resolution == null) {
      throw invalid("resolution must be one of MAKER_WINS, TAKER_WINS, SPLIT, RETURN");
    }
    String why = requireText("reason", reason, MAX_TEXT);
    Offer offer = load(offerId);
    Map<String, Object> set = new HashMap<>();
    set.put("resolution", resolution.name());
    set.put("resolutionReason", why);
    set.put("resolvedBy", admin);
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("resolution", resolution.name());
    facts.put("reason", why);
    return transition(
        offer,
        OfferAction.RESOLVE,
        actor(Role.ADMIN, admin),
        Map.of(),
        false,
        set,
        facts,
        resolution.outcome(),
        now());
  }

  /**
   * Expires the offer if its deadline passed and no other transaction holds it ({@code FOR UPDATE
   * SKIP LOCKED}): the sweeper's one transaction per offer.
   *
   * @return the expired offer, or empty when it was not due or is being handled elsewhere
   */
  public Optional<Offer> expire(String offerId) {
    OffsetDateTime now = now();
    if (!offers.lockIfDue(offerId, OfferState.withDeadline(), now)) {
      return Optional.empty();
    }
    Offer offer = load(offerId);
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("deadline", offer.expiresAt().map(OffsetDateTime::toString).orElse(""));
    return Optional.of(
        transition(
            offer,
            OfferAction.EXPIRE,
            actor(Role.SYSTEM, null),
            Map.of(),
            false,
            Map.of(),
            facts,
            null,
            now));
  }

  /** Puts a due offer whose expiry failed aside until {@code retryAt}. */
  public void expiryFailed(String offerId, OffsetDateTime retryAt, int failures) {
    Map<String, Object> set = new HashMap<>();
    set.put("sweepRetryAt", retryAt);
    set.put("sweepFailures", failures);
    offers.update(offerId, OfferState.withDeadline(), Map.of(), null, set);
  }

  private Offer transition(
      Offer offer,
      OfferAction action,
      String actor,
      Map<String, Object> conditions,
      boolean beforeDeadline,
      Map<String, Object> changes,
      Map<String, String> facts,
      Outcome chosenOutcome,
      OffsetDateTime now) {
    OfferState from = offer.status();
    requireState(offer, action);
    if (beforeDeadline) {
      requireBeforeDeadline(offer, now);
    }
    OfferState to = action.target();
    Outcome outcome =
        chosenOutcome != null ? chosenOutcome : OfferLifecycle.outcome(action, from).orElse(null);
    Optional<OffsetDateTime> deadline = config.deadlines().deadline(to, now);
    Map<String, Object> set = new HashMap<>(changes);
    set.put("status", to);
    set.put("stateEnteredAt", now);
    set.put("expiresAt", deadline.orElse(null));
    set.put("sweepFailures", 0);
    set.put("sweepRetryAt", null);
    if (outcome != null) {
      set.put("outcome", outcome);
    }
    if (!offers.update(
        offer.id(), EnumSet.of(from), conditions, beforeDeadline ? now : null, set)) {
      throw new DomainException(
          ProblemCode.CONFLICT,
          "The offer changed meanwhile or its deadline passed; reload it and try again");
    }
    Map<String, String> audited = new LinkedHashMap<>(facts);
    deadline.ifPresent(d -> audited.put("deadline", d.toString()));
    Offer after = offers.find(offer.id()).orElseThrow();
    if (outcome != null) {
      Payout payout = settle(after, outcome, now);
      audited.put("outcome", outcome.name());
      audited.put("makerGets", Long.toString(payout.maker()));
      audited.put("takerGets", Long.toString(payout.taker()));
      audited.put("platformGets", Long.toString(payout.platform()));
    }
    offers.appendAudit(
        new OfferRepository.AuditEntryDraft(
            offer.id(), now, actor, action.name(), from, to, audited));
    after = offers.find(offer.id()).orElseThrow();
    announcements.fire(OfferChanged.of(after, from));
    LOG.log(
        Level.INFO,
        "Offer {0}: {1} -> {2} ({3} by {4})",
        new Object[] {offer.id(), from, to, action, actor.split(":")[0]});
    return after;
  }

  private Payout settle(Offer offer, Outcome outcome, OffsetDateTime now) {
    Hold maker =
        outcome == Outcome.NOTHING_HELD
            ? null
            : new Hold(
                offer.makerWalletId(),
                offer
                    .escrowOwner()
                    .orElseThrow(() -> new IllegalStateException("a funded offer has an escrow")));
    Hold taker =
        outcome.claimed()
            ? new Hold(offer.takerWalletId().orElseThrow(), offer.bondOwner().orElseThrow())
            : null;
    SettlementOrder order =
        new SettlementOrder(
            offer.id(),
            outcome,
            offer.terms(),
            maker,
            offer.makerWalletId(),
            taker,
            treasury.walletId());
    return settlements.open(order, config.payoutTable(), now).payout();
  }

  private Offer load(String offerId) {
    if (offerId == null || offerId.isBlank()) {
      throw new DomainException(ProblemCode.NOT_FOUND, "There is no offer with this id");
    }
    return offers
        .find(offerId)
        .orElseThrow(
            () -> new DomainException(ProblemCode.NOT_FOUND, "There is no offer with this id"));
  }

  private static void requireState(Offer offer, OfferAction action) {
    if (!action.allowedIn(offer.status())) {
      throw new DomainException(
          ProblemCode.CONFLICT,
          "The offer is " + offer.status() + "; " + action + " is not possible now");
    }
  }

  private static void requireBeforeDeadline(Offer offer, OffsetDateTime now) {
    if (offer.expiresAt().map(d -> !d.isAfter(now)).orElse(false)) {
      throw new DomainException(
          ProblemCode.CONFLICT, "The deadline of this step passed; the offer is being expired");
    }
  }

  /**
   * An attempt commits only while its time runs: the sweeper releases the holds of attempts whose
   * time is up, and must never release one that committed.
   */
  private static void requireLiveAttempt(Offer offer, String attemptId, OffsetDateTime now) {
    boolean live =
        attemptId.equals(offer.attemptId().orElse(null))
            && offer.attemptUntil().map(now::isBefore).orElse(false);
    if (!live) {
      throw new DomainException(
          ProblemCode.CONFLICT, "This attempt took too long and was given up; try again");
    }
  }

  private static void requireParty(Offer offer, Trader trader, Role role) {
    String expected = role == Role.MAKER ? offer.makerPubkey() : offer.takerPubkey().orElse(null);
    if (!trader.pubkey().equals(expected)) {
      throw new DomainException(
          ProblemCode.FORBIDDEN, "Only the offer's " + role.name().toLowerCase() + " may do this");
    }
  }

  static String actor(Role role, String who) {
    return role == Role.SYSTEM ? "system" : role.name().toLowerCase() + ":" + who;
  }

  static String requireText(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw invalid(field + " is required");
    }
    refuseControlCharacters(field, value);
    String text = value.trim();
    if (text.length() > max) {
      throw invalid(field + " must be at most " + max + " characters");
    }
    return text;
  }

  /**
   * Refuses control characters other than tab, line feed and carriage return, and unpaired
   * surrogates: the database cannot store a NUL or broken UTF-16, and {@code trim()} would quietly
   * turn {@code "\u0000"} into an empty text. Checked before trimming, for every stored text.
   */
  static void refuseControlCharacters(String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
      boolean broken =
          Character.isHighSurrogate(c)
              ? i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(++i))
              : Character.isLowSurrogate(c);
      if (control || broken) {
        throw invalid(field + " must not contain control characters or broken Unicode");
      }
    }
  }

  static String optionalText(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return requireText(field, value, MAX_TEXT);
  }

  private static DomainException invalid(String message) {
    return new DomainException(ProblemCode.VALIDATION_FAILED, message);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
