package org.openpleb.ee.web.wallet;

import org.openpleb.ee.wallet.TokenReceipt;

/**
 * A token received.
 *
 * @param amount sats credited, after the mint's fee
 * @param fee the mint's input fee
 * @param balance the wallet's balance afterwards
 */
public record TokenDepositView(long amount, long fee, BalanceView balance) {

  static TokenDepositView of(TokenReceipt receipt) {
    return new TokenDepositView(receipt.amount(), receipt.fee(), BalanceView.of(receipt.balance()));
  }
}
