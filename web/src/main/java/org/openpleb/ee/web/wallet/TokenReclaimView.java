package org.openpleb.ee.web.wallet;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openpleb.ee.wallet.SentTokens;

/**
 * A sent token taken back into the wallet it came from.
 *
 * @param id the sent token
 * @param walletId the wallet it went back to
 * @param amount sats credited back (the token's amount less the mint's input fee)
 * @param fee the mint's input fee paid to take it back
 * @param balance that wallet's balance afterwards
 */
@Schema(description = "An unclaimed token taken back into its wallet")
public record TokenReclaimView(
    String id, String walletId, long amount, long fee, BalanceView balance) {

  static TokenReclaimView of(SentTokens.Reclaimed reclaimed) {
    return new TokenReclaimView(
        reclaimed.record().id(),
        reclaimed.record().walletId(),
        reclaimed.amount(),
        reclaimed.fee(),
        BalanceView.of(reclaimed.balance()));
  }
}
