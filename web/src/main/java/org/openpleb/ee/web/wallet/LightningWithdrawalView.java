package org.openpleb.ee.web.wallet;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openpleb.ee.wallet.LightningWithdrawal;

/**
 * A paid (or pending, or failed) Lightning withdrawal.
 *
 * @param walletId the wallet that paid
 * @param status PAID, PENDING (in flight; settled later) or FAILED (nothing spent)
 * @param amount the invoice amount in sats
 * @param fee Lightning and mint fees paid, once paid
 * @param change sats of the fee reserve returned
 * @param preimage the payment preimage, once paid
 * @param balance the wallet's balance afterwards
 */
@Schema(description = "How a Lightning withdrawal went")
public record LightningWithdrawalView(
    String walletId,
    WithdrawalStatus status,
    long amount,
    long fee,
    long change,
    String preimage,
    BalanceView balance) {

  static LightningWithdrawalView of(LightningWithdrawal paid) {
    return new LightningWithdrawalView(
        paid.walletId(),
        WithdrawalStatus.of(paid.status()),
        paid.amount(),
        paid.fee(),
        paid.change(),
        paid.preimage(),
        BalanceView.of(paid.balance()));
  }
}
