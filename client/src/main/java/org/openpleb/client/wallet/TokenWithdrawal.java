package org.openpleb.client.wallet;

/**
 * A withdrawn token. Whoever holds the token owns the sats.
 *
 * @param walletId the wallet it came from
 * @param token the Cashu token, a bearer secret
 * @param amount sats in the token
 * @param fee the mint's input fee paid to make it
 * @param lockedTo the compressed public key it is locked to, if it is
 * @param balance the wallet's balance afterwards
 */
public record TokenWithdrawal(
    String walletId, String token, long amount, long fee, String lockedTo, Balance balance) {

  @Override
  public String toString() {
    return "TokenWithdrawal[" + walletId + ", " + amount + " sats]";
  }
}
