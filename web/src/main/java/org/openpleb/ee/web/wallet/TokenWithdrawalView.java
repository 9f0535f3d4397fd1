package org.openpleb.ee.web.wallet;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openpleb.ee.wallet.TokenWithdrawal;

/**
 * A withdrawn token. Whoever holds the token owns the sats.
 *
 * @param walletId the wallet it came from
 * @param token the Cashu token
 * @param amount sats in the token
 * @param fee the mint's input fee paid to make it
 * @param lockedTo the compressed public key it is locked to, if it is
 * @param balance the wallet's balance afterwards
 */
@Schema(description = "A withdrawn Cashu token; whoever holds it owns the sats")
public record TokenWithdrawalView(
    String walletId, String token, long amount, long fee, String lockedTo, BalanceView balance) {

  static TokenWithdrawalView of(TokenWithdrawal withdrawal) {
    return new TokenWithdrawalView(
        withdrawal.walletId(),
        withdrawal.token(),
        withdrawal.amount(),
        withdrawal.fee(),
        withdrawal.lockedTo(),
        BalanceView.of(withdrawal.balance()));
  }

  @Override
  public String toString() {
    return "TokenWithdrawalView[" + walletId + ", " + amount + " sats]";
  }
}
