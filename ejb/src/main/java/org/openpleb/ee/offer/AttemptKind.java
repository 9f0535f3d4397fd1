package org.openpleb.ee.offer;

import org.openpleb.ee.settlement.HoldOwner;

/**
 * A wallet hold being made for an offer that is not part of its state yet: the maker's escrow from
 * the balance or a token, or a taker's bond. While an attempt runs no other may start; if its
 * request dies, the sweeper releases the hold once the attempt's time is up.
 */
public enum AttemptKind {
  /** The maker is reserving the escrow. */
  FUND,
  /** A taker is reserving the bond. */
  CLAIM;

  /** The reservation owner for this attempt in the wallet, unique to the attempt. */
  public HoldOwner holdOwner(String offerId, String attemptId) {
    return this == FUND ? HoldOwner.escrow(offerId, attemptId) : HoldOwner.bond(offerId, attemptId);
  }
}
