package org.openpleb.ee.wallet;

import java.util.Objects;

/**
 * The id of a session or platform wallet, as stored in {@code wallets.id} and in the offers and
 * settlement steps that hold sats in it. Its form is {@link WalletIds}'s; it is checked where ids
 * come in from outside, not here.
 *
 * @param value the id, as stored
 */
public record WalletId(String value) {

  /** Requires the id. */
  public WalletId {
    Objects.requireNonNull(value, "value");
  }

  /** The id as stored. */
  @Override
  public String toString() {
    return value;
  }
}
