package org.openpleb.ee.wallet;

/**
 * A token received into the session's wallet.
 *
 * @param amount sats credited, after the mint's fee
 * @param fee the mint's input fee for the swap
 * @param balance the wallet's balance afterwards
 */
public record TokenReceipt(long amount, long fee, WalletBalance balance) {}
