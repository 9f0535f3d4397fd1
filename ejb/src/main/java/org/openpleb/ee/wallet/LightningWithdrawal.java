package org.openpleb.ee.wallet;

import org.openpleb.cashu.wallet.MeltStatus;

/**
 * A Lightning invoice paid from a wallet (a melt).
 *
 * @param walletId the wallet that paid
 * @param status PAID, PENDING (still in flight; its sats stay in flight) or FAILED (nothing spent)
 * @param amount the invoice amount in sats
 * @param fee what the payment cost beyond the amount (Lightning and mint fees), once paid
 * @param change sats of the fee reserve that came back
 * @param preimage the payment preimage once paid, else null
 * @param balance the wallet's balance afterwards
 */
public record LightningWithdrawal(
    String walletId,
    MeltStatus status,
    long amount,
    long fee,
    long change,
    String preimage,
    WalletBalance balance) {}
