package org.openpleb.client.wallet;

/**
 * A token received.
 *
 * @param amount sats credited, after the mint's fee
 * @param fee the mint's input fee
 * @param balance the wallet's balance afterwards
 */
public record TokenDeposit(long amount, long fee, Balance balance) {}
