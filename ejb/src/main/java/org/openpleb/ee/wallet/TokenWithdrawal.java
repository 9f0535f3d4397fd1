package org.openpleb.ee.wallet;

/**
 * Sats withdrawn from a wallet as a Cashu token. The token is a bearer instrument: whoever holds it
 * owns the sats, so {@link #toString()} leaves it out.
 *
 * @param walletId the wallet it came from
 * @param token the token (cashuB…)
 * @param amount sats in the token
 * @param fee the mint's input fee paid to make it
 * @param lockedTo the public key (compressed, hex) the token is locked to, or null if unlocked
 * @param balance the wallet's balance afterwards
 */
public record TokenWithdrawal(
    String walletId, String token, long amount, long fee, String lockedTo, WalletBalance balance) {

  @Override
  public String toString() {
    return "TokenWithdrawal[" + walletId + ", " + amount + " sats, fee " + fee + "]";
  }
}
