package org.openpleb.ee.web.treasury;

/**
 * A withdrawal from the treasury.
 *
 * @param amount sats to withdraw as a Cashu token
 */
public record WithdrawalRequest(Long amount) {}
