package org.openpleb.client.wallet;

/**
 * A withdrawal by paying a Lightning invoice.
 *
 * @param invoice the BOLT11 invoice, with an amount
 * @param walletId a dormant wallet of the caller to pay from; the session's wallet if {@code null}
 */
public record LightningWithdrawalRequest(String invoice, String walletId) {}
