package org.openpleb.client.treasury;

/**
 * A withdrawal from the treasury.
 *
 * @param amount sats to withdraw as a Cashu token
 */
public record TreasuryWithdrawalRequest(Long amount) {}
