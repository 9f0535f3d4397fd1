package org.openpleb.client.wallet;

/**
 * A Lightning withdrawal.
 *
 * @param walletId the wallet that paid
 * @param status {@code PAID}, {@code PENDING} or {@code FAILED}
 * @param amount the invoice amount in sats
 * @param fee Lightning and mint fees paid, once paid
 * @param change sats of the fee reserve returned
 * @param preimage the payment preimage, once paid
 * @param balance the wallet's balance afterwards
 */
public record LightningWithdrawal(
    String walletId,
    WithdrawalStatus status,
    long amount,
    long fee,
    long change,
    String preimage,
    Balance balance) {}
