package org.openpleb.client.wallet;

/**
 * A request for a Lightning invoice that funds the session's wallet.
 *
 * @param amount sats to deposit, above 0
 */
public record LightningDepositRequest(Long amount) {}
