package org.openpleb.client.offer;

/**
 * A taker's claim.
 *
 * @param bondToken a Cashu token worth at least the bond; {@code null} takes the bond from the
 *     session wallet's spendable sats
 */
public record ClaimRequest(String bondToken) {

  /** A claim whose bond comes from the session wallet. */
  public static ClaimRequest fromBalance() {
    return new ClaimRequest(null);
  }

  @Override
  public String toString() {
    return "ClaimRequest[" + (bondToken == null ? "balance" : "token") + "]";
  }
}
