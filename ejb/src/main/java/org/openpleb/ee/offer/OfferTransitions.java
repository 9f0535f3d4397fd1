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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.ee.offer.OfferChange.Move;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.pricing.BtcPrice;
import org.openpleb.ee.pricing.OfferPricing;
import org.openpleb.ee.pricing.PriceQuote;
import org.openpleb.ee.settlement.Hold;
import org.openpleb.ee.settlement.HoldOwner;
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

  @Inject TradeWallets wallets;

  @Inject OfferPricing pricing;

  @Inject Event<OfferChanged> announcements;

  @Inject Clock clock;

  /** Creates an offer in CREATED for {@code maker}, priced at {@code price}. */
  public Offer create(
      Trader maker, long fiatAmount, String qrCode, String fiatProvider, BtcPrice price) {
    String qr = OfferText.requireText("qrCode", qrCode, MAX_QR);
    if (fiatProvider != null) {
      OfferText.refuseControlCharacters("fiatProvider", fiatProvider);
    }
    String provider = fiatProvider == null || fiatProvider.isBlank() ? null : fiatProvider.trim();
    if (provider != null && provider.length() > MAX_PROVIDER) {
      throw OfferText.invalid("fiatProvider must be at most " + MAX_PROVIDER + " characters");
    }
    PriceQuote quote = pricing.quote(fiatAmount, price.fiatPerBtc());
    offers.lockUser(maker.pubkey().hex());
    if (offers.countOpenAsMaker(maker.pubkey().hex()) >= config.openOfferLimit()) {
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
            actor(Role.MAKER, maker.pubkey().hex()),
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
    // in this transaction: the quote ledger's row is held exactly when the offer stores the quote
    wallets.holdInvoice(invoice);
    return transition(
        offer,
        actor(Role.MAKER, maker.pubkey().hex()),
        move(offer, OfferAction.REQUEST_INVOICE, null, now),
        move ->
            new OfferChange.InvoiceRequested(
                move,
                invoice.quoteId(),
                invoice.bolt11(),
                invoice.expiresAt(),
                HoldOwner.lightningEscrow(offerId)),
        Map.of("amount", Long.toString(invoice.amount())));
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
      if (trader.pubkey().is(offer.makerPubkey())) {
        throw new DomainException(ProblemCode.FORBIDDEN, "A maker cannot claim their own offer");
      }
      from = OfferState.INVOICE_PAID;
    }
    requireState(offer, kind == AttemptKind.FUND ? OfferAction.FUND : OfferAction.CLAIM);
    requireBeforeDeadline(offer, now);
    if (kind == AttemptKind.CLAIM
        && offers.countOpenAsTaker(trader.pubkey().hex()) >= config.openClaimLimit()) {
      throw new DomainException(
          ProblemCode.CONFLICT,
          "You have " + config.openClaimLimit() + " unfinished claims already; finish one first");
    }
    String attemptId = UUID.randomUUID().toString();
    OffsetDateTime until = now.plus(config.attemptTimeout());
    if (!offers.apply(
        new OfferChange.AttemptStarted(
            new OfferId(offerId), from, now, attemptId, kind, trader, until))) {
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
    return offers.apply(new OfferChange.AttemptDropped(new OfferId(offerId), attemptId));
  }

  /** Commits a funding attempt: the escrow is held, CREATED becomes INVOICE_PAID. */
  public Offer funded(
      String offerId,
      String attemptId,
      Trader maker,
      FundingMethod method,
      HoldOwner escrowOwner,
      long fee) {
    Offer offer = load(offerId);
    requireParty(offer, maker, Role.MAKER);
    OffsetDateTime now = now();
    requireLiveAttempt(offer, attemptId, now);
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("method", method.name());
    facts.put("escrow", Long.toString(offer.funding()));
    facts.put("mintFee", Long.toString(fee));
    return transition(
        offer,
        actor(Role.MAKER, maker.pubkey().hex()),
        move(offer, OfferAction.FUND, null, now()),
        move -> new OfferChange.Funded(move, attemptId, maker, method, escrowOwner, fee),
        facts);
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
    try {
      return Optional.of(
          transition(
              offer,
              actor(Role.SYSTEM, null),
              move(offer, OfferAction.INVOICE_PAID, null, now()),
              OfferChange.InvoiceMinted::new,
              Map.of("minted", Long.toString(minted), "method", FundingMethod.LIGHTNING.name())));
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
    if (!offers.apply(new OfferChange.QuoteEnded(new OfferId(offerId), end))) {
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
    return offers.apply(new OfferChange.QuoteCheckTaken(new OfferId(offerId), dueAt, until));
  }

  /** Schedules the next look at a watched, unpaid invoice. */
  public void rescheduleQuoteCheck(String offerId, OffsetDateTime next, int checks) {
    offers.apply(new OfferChange.QuoteCheckRescheduled(new OfferId(offerId), next, checks));
  }

  /** Commits a claim attempt: the taker's bond is held, INVOICE_PAID becomes CLAIMED. */
  public Offer claimed(
      String offerId, String attemptId, Trader taker, HoldOwner bondOwner, long fee) {
    Offer offer = load(offerId);
    OffsetDateTime now = now();
    requireLiveAttempt(offer, attemptId, now);
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("taker", taker.pubkey().hex());
    facts.put("bond", Long.toString(offer.terms().bond()));
    facts.put("mintFee", Long.toString(fee));
    return transition(
        offer,
        actor(Role.TAKER, taker.pubkey().hex()),
        move(offer, OfferAction.CLAIM, null, now),
        move -> new OfferChange.Claimed(move, attemptId, taker, bondOwner, fee),
        facts);
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
            actor(Role.TAKER, taker.pubkey().hex()),
            move(offer, OfferAction.SUBMIT_RECEIPT, null, now),
            move -> new OfferChange.ReceiptPosted(move, taker.pubkey()),
            facts);
    offers.addReceipt(new Receipt(offerId, taker.pubkey().hex(), image, now));
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
    return worded(
        offerId,
        maker,
        Role.MAKER,
        OfferAction.APPROVE,
        "feedback",
        feedback,
        OfferChange.Approved::new);
  }

  /** The maker reports a problem with the payment: MARKED_WITH_ISSUE. */
  public Offer issueMarked(String offerId, Trader maker, String feedback) {
    return worded(
        offerId,
        maker,
        Role.MAKER,
        OfferAction.MARK_ISSUE,
        "feedback",
        feedback,
        OfferChange.IssueMarked::new);
  }

  /** The taker disputes the maker's issue: DISPUTED, for the admin to resolve. */
  public Offer countered(String offerId, Trader taker, String message) {
    return worded(
        offerId,
        taker,
        Role.TAKER,
        OfferAction.COUNTER,
        "message",
        message,
        (move, text) -> new OfferChange.Countered(move, taker.pubkey(), text));
  }

  /** The taker gives up after the maker's issue: FORFEITED, settled at once. */
  public Offer forfeited(String offerId, Trader taker, String message) {
    return worded(
        offerId,
        taker,
        Role.TAKER,
        OfferAction.FORFEIT,
        "message",
        message,
        (move, text) -> new OfferChange.Forfeited(move, taker.pubkey(), text));
  }

  /**
   * A party's answer that may carry words ({@code field}: the maker's feedback, the taker's
   * message): checked, written by {@code change} and repeated in the audit line when given.
   */
  private Offer worded(
      String offerId,
      Trader party,
      Role role,
      OfferAction action,
      String field,
      String words,
      BiFunction<OfferChange.Move, String, OfferChange> change) {
    String text = OfferText.optionalText(field, words);
    Offer offer = load(offerId);
    requireParty(offer, party, role);
    return transition(
        offer,
        actor(role, party.pubkey().hex()),
        move(offer, action, null, now()),
        move -> change.apply(move, text),
        text == null ? Map.of() : Map.of(field, text));
  }

  /** The admin decides a dispute: RESOLVED, settled by the resolution's row. */
  public Offer resolved(String offerId, String admin, Resolution resolution, String reason) {
    if (resolution == null) {
      throw OfferText.invalid("resolution must be one of MAKER_WINS, TAKER_WINS, SPLIT, RETURN");
    }
    String why = OfferText.requireText("reason", reason, MAX_TEXT);
    Offer offer = load(offerId);
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("resolution", resolution.name());
    facts.put("reason", why);
    return transition(
        offer,
        actor(Role.ADMIN, admin),
        move(offer, OfferAction.RESOLVE, resolution.outcome(), now()),
        move -> new OfferChange.Resolved(move, resolution, why, admin),
        facts);
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
            actor(Role.SYSTEM, null),
            move(offer, OfferAction.EXPIRE, null, now),
            OfferChange.Expired::new,
            facts));
  }

  /** Puts a due offer whose expiry failed aside until {@code retryAt}. */
  public void expiryFailed(String offerId, OffsetDateTime retryAt, int failures) {
    offers.apply(new OfferChange.ExpiryPutAside(new OfferId(offerId), retryAt, failures));
  }

  /**
   * The move {@code action} makes from the state {@code offer} was read in, with the new state's
   * deadline and the outcome it ends with: the admin's {@code chosen} one, or the payout-table row
   * the action settles by. Refused when the action is not possible in that state, or when a party
   * acts after the deadline.
   */
  private Move move(Offer offer, OfferAction action, Outcome chosen, OffsetDateTime now) {
    requireState(offer, action);
    if (action.beatsDeadline()) {
      requireBeforeDeadline(offer, now);
    }
    OfferState from = offer.status();
    Outcome outcome = chosen != null ? chosen : OfferLifecycle.outcome(action, from).orElse(null);
    OffsetDateTime deadline = config.deadlines().deadline(action.target(), now).orElse(null);
    return new Move(new OfferId(offer.id()), action, from, now, deadline, outcome);
  }

  /**
   * Applies the change {@code change} builds on {@code move} as one compare-and-set, settles the
   * trade if it ends, audits it and announces it after commit.
   */
  private Offer transition(
      Offer offer,
      String actor,
      Move move,
      Function<Move, OfferChange> change,
      Map<String, String> facts) {
    if (!offers.apply(change.apply(move))) {
      throw new DomainException(
          ProblemCode.CONFLICT,
          "The offer changed meanwhile or its deadline passed; reload it and try again");
    }
    Map<String, String> audited = new LinkedHashMap<>(facts);
    if (move.deadline() != null) {
      audited.put("deadline", move.deadline().toString());
    }
    Offer after = offers.find(offer.id()).orElseThrow();
    if (move.outcome() != null) {
      Payout payout = settle(after, move.outcome(), move.at());
      audited.put("outcome", move.outcome().name());
      audited.put("makerGets", Long.toString(payout.maker()));
      audited.put("takerGets", Long.toString(payout.taker()));
      audited.put("platformGets", Long.toString(payout.platform()));
    }
    offers.appendAudit(
        new OfferRepository.AuditEntryDraft(
            offer.id(), move.at(), actor, move.action().name(), move.from(), move.to(), audited));
    after = offers.find(offer.id()).orElseThrow();
    announcements.fire(OfferChanged.of(after, move.from()));
    LOG.log(
        Level.INFO,
        "Offer {0}: {1} -> {2} ({3} by {4})",
        new Object[] {offer.id(), move.from(), move.to(), move.action(), actor.split(":")[0]});
    return after;
  }

  private Payout settle(Offer offer, Outcome outcome, OffsetDateTime now) {
    Hold maker =
        outcome == Outcome.NOTHING_HELD
            ? null
            : new Hold(
                offer.makerWalletId(),
                new HoldOwner(
                    offer
                        .escrowOwner()
                        .orElseThrow(
                            () -> new IllegalStateException("a funded offer has an escrow"))));
    Hold taker =
        outcome.claimed()
            ? new Hold(
                offer.takerWalletId().orElseThrow(), new HoldOwner(offer.bondOwner().orElseThrow()))
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
    if (!trader.pubkey().is(expected)) {
      throw new DomainException(
          ProblemCode.FORBIDDEN, "Only the offer's " + role.name().toLowerCase() + " may do this");
    }
  }

  static String actor(Role role, String who) {
    return role == Role.SYSTEM ? "system" : role.name().toLowerCase() + ":" + who;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
