package org.openpleb.client.offer;

/** Where an offer stands in its trade. */
public enum OfferState {
  /** Priced, visible to its maker only; not funded yet. */
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

  /** The taker countered the maker's issue; the admin decides. */
  DISPUTED,

  /** The admin decided the dispute; settled. */
  RESOLVED,

  /** The taker gave up after the maker's issue; settled. */
  FORFEITED,

  /** A deadline passed; settled by the payout table. */
  EXPIRED
}
