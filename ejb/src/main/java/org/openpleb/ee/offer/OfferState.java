package org.openpleb.ee.offer;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an offer stands in its trade; the names are the strings stored in {@code offers.status}
 * (DESIGN §6). Non-terminal states other than DISPUTED have a deadline.
 */
public enum OfferState {
  /** Priced and listed to its maker only; not funded yet. */
  CREATED,
  /** The maker asked for a Lightning invoice; the server watches it. */
  INVOICE_CREATED,
  /** Funded: the escrow is held and the offer is in the order book. */
  INVOICE_PAID,
  /** A taker claimed it with a bond and is paying the bank QR code. */
  CLAIMED,
  /** The taker posted a receipt; the maker checks the payment. */
  RECEIPT_SUBMITTED,
  /** The maker approved; settled. */
  COMPLETED,
  /** The maker reported a problem with the payment; the taker answers. */
  MARKED_WITH_ISSUE,
  /** The taker countered the maker's issue; an admin decides. */
  DISPUTED,
  /** An admin decided the dispute; settled. */
  RESOLVED,
  /** The taker gave up after the maker's issue; settled. */
  FORFEITED,
  /** A deadline passed; settled by the payout table. */
  EXPIRED;

  private static final Set<OfferState> TERMINAL =
      EnumSet.of(COMPLETED, RESOLVED, FORFEITED, EXPIRED);

  /** Whether the trade is over. */
  public boolean terminal() {
    return TERMINAL.contains(this);
  }

  /** Whether a deadline runs in this state (every open state except DISPUTED). */
  public boolean timed() {
    return !terminal() && this != DISPUTED;
  }

  /** The states in which the trade is still running. */
  public static Set<OfferState> open() {
    return EnumSet.complementOf(EnumSet.copyOf(TERMINAL));
  }

  /** The states with a deadline. */
  public static Set<OfferState> withDeadline() {
    Set<OfferState> timed = EnumSet.noneOf(OfferState.class);
    for (OfferState s : values()) {
      if (s.timed()) {
        timed.add(s);
      }
    }
    return timed;
  }
}
