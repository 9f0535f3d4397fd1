package org.openpleb.ee.web.wallet;

/**
 * A request for a Lightning invoice that funds the session's wallet.
 *
 * @param amount sats to deposit
 */
public record LightningDepositRequest(Long amount) {}
