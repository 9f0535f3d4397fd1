package org.openpleb.ee.settlement;

import java.util.Objects;

/**
 * The label a hold is reserved under in a wallet: the maker's escrow or the taker's bond of one
 * offer. Its {@link #key()} is the string stored in {@code offers.escrow_owner}, {@code
 * offers.bond_owner} and {@code settlement_steps.from_owner} and handed to the wallet, so it never
 * changes form: {@code escrow:<offer>:<attempt>}, {@code bond:<offer>:<attempt>}, or {@code
 * escrow:<offer>:ln} for an escrow minted from the offer's Lightning invoice.
 *
 * @param key the stored label
 */
public record HoldOwner(String key) {

  /** Requires a label. */
  public HoldOwner {
    Objects.requireNonNull(key, "key");
    if (key.isBlank()) {
      throw new IllegalArgumentException("a hold owner needs a label");
    }
  }

  /** The maker's escrow reserved by the funding attempt {@code attemptId}. */
  public static HoldOwner escrow(String offerId, String attemptId) {
    return new HoldOwner("escrow:" + offerId + ":" + attemptId);
  }

  /** The maker's escrow minted from the offer's Lightning invoice. */
  public static HoldOwner lightningEscrow(String offerId) {
    return new HoldOwner("escrow:" + offerId + ":ln");
  }

  /** The taker's bond reserved by the claim attempt {@code attemptId}. */
  public static HoldOwner bond(String offerId, String attemptId) {
    return new HoldOwner("bond:" + offerId + ":" + attemptId);
  }

  /** The stored label. */
  @Override
  public String toString() {
    return key;
  }
}
