package org.openpleb.ee.settlement;

import java.util.Objects;

/**
 * Sats set aside for an offer in one party's wallet: the maker's escrow or the taker's bond,
 * reserved there under an owner label that belongs to this offer alone.
 *
 * @param walletId the wallet holding it
 * @param owner the reservation's owner label
 */
public record Hold(String walletId, HoldOwner owner) {

  /** Requires both parts. */
  public Hold {
    Objects.requireNonNull(walletId, "walletId");
    Objects.requireNonNull(owner, "owner");
  }
}
