package org.openpleb.cashu.wallet;

/**
 * A token made by the wallet. Its proofs stay in flight (part of the balance) until the mint says
 * they are spent, so an unclaimed token can be reclaimed with {@link Wallet#reclaim(String)}.
 *
 * <p>The token is a bearer instrument: whoever holds it owns the sats. It is left out of {@link
 * #toString()}.
 *
 * @param amount sats in the token
 * @param fee the mint's input fee paid to make it (zero when no swap was needed)
 */
public record SendResult(String operationId, String token, long amount, long fee) {

  @Override
  public String toString() {
    return "SendResult[operationId=" + operationId + ", amount=" + amount + ", fee=" + fee + "]";
  }
}
