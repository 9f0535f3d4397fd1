package org.openpleb.ee.web.wallet;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openpleb.ee.wallet.TokenReceipt;

/**
 * A token received.
 *
 * @param amount sats credited, after the mint's fee
 * @param fee the mint's input fee
 * @param balance the wallet's balance afterwards
 */
@Schema(description = "What a token deposit credited")
public record TokenDepositView(long amount, long fee, BalanceView balance) {

  static TokenDepositView of(TokenReceipt receipt) {
    return new TokenDepositView(receipt.amount(), receipt.fee(), BalanceView.of(receipt.balance()));
  }
}
