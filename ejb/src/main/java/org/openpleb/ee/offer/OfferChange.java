package org.openpleb.ee.offer;

import java.time.OffsetDateTime;
import java.util.Objects;
import org.openpleb.ee.session.PubKey;
import org.openpleb.ee.settlement.HoldOwner;
import org.openpleb.ee.settlement.Outcome;

/**
 * One change of one offer, as {@link OfferRepository#apply} writes it: a compare-and-set whose
 * compare is {@link #admits} (the state the offer was read in, plus the attempt, watch or party it
 * must still have) and whose set is {@link #applyTo}. The JPA repository writes each kind with one
 * fixed {@code UPDATE … WHERE} statement that says the same; the in-memory form here is what the
 * statements are held to, and what unit tests run.
 */
public sealed interface OfferChange
    permits OfferChange.StateChange,
        OfferChange.AttemptStarted,
        OfferChange.AttemptDropped,
        OfferChange.QuoteCheckTaken,
        OfferChange.QuoteCheckRescheduled,
        OfferChange.QuoteEnded,
        OfferChange.ExpiryPutAside {

  /** The offer changed. */
  OfferId offerId();

  /** Whether the offer as it stands admits this change; if not, the change does nothing. */
  boolean admits(Offer offer);

  /** Writes the change into {@code offer}. */
  void applyTo(Offer offer);

  /**
   * What every change of state writes: the new state, when it was entered, its deadline (null when
   * none runs), the outcome of a trade that ends (else null), and a cleared sweep backoff. A
   * party's action must also come before the deadline of the state it leaves.
   *
   * @param offerId the offer
   * @param action what moves it
   * @param from the state it was read in
   * @param at now
   * @param deadline the new state's deadline, or null
   * @param outcome how the trade ended, or null while it runs
   */
  record Move(
      OfferId offerId,
      OfferAction action,
      OfferState from,
      OffsetDateTime at,
      OffsetDateTime deadline,
      Outcome outcome) {

    /** Requires the offer, the action, the state it leaves and the time. */
    public Move {
      Objects.requireNonNull(offerId, "offerId");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(at, "at");
    }

    /** The state it enters. */
    public OfferState to() {
      return action.target();
    }

    boolean admits(Offer offer) {
      return offer.status() == from
          && (!action.beatsDeadline() || offer.expiresAt().map(at::isBefore).orElse(true));
    }

    void applyTo(Offer offer) {
      offer.enter(to(), at, deadline, outcome);
    }
  }

  /**
   * A change of state: its {@link Move}, plus what the kind also requires of the offer (an attempt,
   * a party) and also writes (funding, parties, words).
   */
  sealed interface StateChange extends OfferChange
      permits InvoiceRequested,
          Funded,
          InvoiceMinted,
          Claimed,
          ReceiptPosted,
          Approved,
          IssueMarked,
          Countered,
          Forfeited,
          Resolved,
          Expired {

    /** The move of state. */
    Move move();

    /** What the offer must have besides the state the move leaves; nothing by default. */
    default boolean requires(Offer offer) {
      return true;
    }

    /** What the change writes besides the move; nothing by default. */
    default void writes(Offer offer) {}

    @Override
    default OfferId offerId() {
      return move().offerId();
    }

    @Override
    default boolean admits(Offer offer) {
      return move().admits(offer) && requires(offer);
    }

    @Override
    default void applyTo(Offer offer) {
      move().applyTo(offer);
      writes(offer);
    }
  }

  /**
   * The maker asked for a Lightning invoice; the watcher looks at it from now on. The quote id is a
   * bearer secret, left out of {@link #toString()}.
   */
  record InvoiceRequested(
      Move move, String quoteId, String bolt11, OffsetDateTime quoteExpiresAt, HoldOwner escrow)
      implements StateChange {
    @Override
    public boolean requires(Offer offer) {
      return offer.attemptId().isEmpty();
    }

    @Override
    public void writes(Offer offer) {
      offer.funding(FundingMethod.LIGHTNING, escrow.key(), offer.fundingFee());
      offer.invoice(quoteId, bolt11, quoteExpiresAt);
      offer.watch(QuoteWatch.WATCHING, move.at(), offer.quoteChecks());
    }

    @Override
    public String toString() {
      return "InvoiceRequested[" + move + "]";
    }
  }

  /**
   * The maker's funding attempt held the escrow, in the wallet of the session that funded: the
   * offer's maker session and wallet become that one's (the maker may have logged in again since
   * creating the offer), so the settlement pays out of the wallet that holds the escrow.
   */
  record Funded(
      Move move, String attemptId, Trader maker, FundingMethod method, HoldOwner escrow, long fee)
      implements StateChange {
    @Override
    public boolean requires(Offer offer) {
      return offer.attemptId().filter(attemptId::equals).isPresent();
    }

    @Override
    public void writes(Offer offer) {
      offer.attempt(null, null, null, null, null);
      offer.maker(maker);
      offer.funding(method, escrow.key(), fee);
    }
  }

  /** The watcher minted the paid invoice as escrow. */
  record InvoiceMinted(Move move) implements StateChange {
    @Override
    public boolean requires(Offer offer) {
      return offer.quoteState().orElse(null) == QuoteWatch.WATCHING;
    }

    @Override
    public void writes(Offer offer) {
      offer.watch(QuoteWatch.MINTED, null, offer.quoteChecks());
    }
  }

  /** A taker's claim attempt held the bond. */
  record Claimed(Move move, String attemptId, Trader taker, HoldOwner bond, long fee)
      implements StateChange {
    @Override
    public boolean requires(Offer offer) {
      return offer.attemptId().filter(attemptId::equals).isPresent();
    }

    @Override
    public void writes(Offer offer) {
      offer.attempt(null, null, null, null, null);
      offer.taker(taker, bond.key(), fee, move.at());
    }
  }

  /** The taker posted the receipt. */
  record ReceiptPosted(Move move, PubKey taker) implements StateChange {
    @Override
    public boolean requires(Offer offer) {
      return offer.takerPubkey().filter(taker::is).isPresent();
    }

    @Override
    public void writes(Offer offer) {
      offer.receiptAt(move.at());
    }
  }

  /** The maker approved the receipt, with optional feedback (null for none). */
  record Approved(Move move, String feedback) implements StateChange {
    @Override
    public void writes(Offer offer) {
      offer.makerFeedback(feedback);
    }
  }

  /** The maker reported a problem with the payment, with optional feedback (null for none). */
  record IssueMarked(Move move, String feedback) implements StateChange {
    @Override
    public void writes(Offer offer) {
      offer.makerFeedback(feedback);
    }
  }

  /** The taker disputed the maker's issue, with an optional message (null for none). */
  record Countered(Move move, PubKey taker, String response) implements StateChange {
    @Override
    public boolean requires(Offer offer) {
      return offer.takerPubkey().filter(taker::is).isPresent();
    }

    @Override
    public void writes(Offer offer) {
      offer.takerResponse(response);
    }
  }

  /** The taker gave up after the maker's issue, with an optional message (null for none). */
  record Forfeited(Move move, PubKey taker, String response) implements StateChange {
    @Override
    public boolean requires(Offer offer) {
      return offer.takerPubkey().filter(taker::is).isPresent();
    }

    @Override
    public void writes(Offer offer) {
      offer.takerResponse(response);
    }
  }

  /** The admin decided the dispute. */
  record Resolved(Move move, Resolution resolution, String reason, String admin)
      implements StateChange {
    @Override
    public void writes(Offer offer) {
      offer.resolution(resolution.name(), reason, admin);
    }
  }

  /** The deadline of the offer's state passed. */
  record Expired(Move move) implements StateChange {}

  /**
   * A funding or claim attempt takes the offer, in {@code from}, before its deadline, while no
   * other attempt holds it.
   */
  record AttemptStarted(
      OfferId offerId,
      OfferState from,
      OffsetDateTime at,
      String attemptId,
      AttemptKind kind,
      Trader trader,
      OffsetDateTime until)
      implements OfferChange {
    @Override
    public boolean admits(Offer offer) {
      return offer.status() == from
          && offer.attemptId().isEmpty()
          && offer.expiresAt().map(at::isBefore).orElse(true);
    }

    @Override
    public void applyTo(Offer offer) {
      offer.attempt(attemptId, kind, trader.pubkey().hex(), trader.walletId().value(), until);
    }
  }

  /** An attempt that did not commit lets the offer go, if it still holds it. */
  record AttemptDropped(OfferId offerId, String attemptId) implements OfferChange {
    @Override
    public boolean admits(Offer offer) {
      return offer.attemptId().filter(attemptId::equals).isPresent();
    }

    @Override
    public void applyTo(Offer offer) {
      offer.attempt(null, null, null, null, null);
    }
  }

  /** One look takes a watched invoice still due at {@code dueAt}, until {@code until}. */
  record QuoteCheckTaken(OfferId offerId, OffsetDateTime dueAt, OffsetDateTime until)
      implements OfferChange {
    @Override
    public boolean admits(Offer offer) {
      return offer.quoteState().orElse(null) == QuoteWatch.WATCHING
          && offer.quoteNextCheckAt().filter(dueAt::isEqual).isPresent();
    }

    @Override
    public void applyTo(Offer offer) {
      offer.watch(QuoteWatch.WATCHING, until, offer.quoteChecks());
    }
  }

  /** The next look at a watched, unpaid invoice, after {@code checks} looks. */
  record QuoteCheckRescheduled(OfferId offerId, OffsetDateTime next, int checks)
      implements OfferChange {
    @Override
    public boolean admits(Offer offer) {
      return offer.quoteState().orElse(null) == QuoteWatch.WATCHING;
    }

    @Override
    public void applyTo(Offer offer) {
      offer.watch(QuoteWatch.WATCHING, next, checks);
    }
  }

  /** The watch over an invoice ends without funding the offer. */
  record QuoteEnded(OfferId offerId, QuoteWatch end) implements OfferChange {
    @Override
    public boolean admits(Offer offer) {
      return offer.quoteState().orElse(null) == QuoteWatch.WATCHING;
    }

    @Override
    public void applyTo(Offer offer) {
      offer.watch(end, null, offer.quoteChecks());
    }
  }

  /** A due offer whose expiry failed waits until {@code retryAt}. */
  record ExpiryPutAside(OfferId offerId, OffsetDateTime retryAt, int failures)
      implements OfferChange {
    @Override
    public boolean admits(Offer offer) {
      return offer.status().timed();
    }

    @Override
    public void applyTo(Offer offer) {
      offer.putAside(retryAt, failures);
    }
  }
}
