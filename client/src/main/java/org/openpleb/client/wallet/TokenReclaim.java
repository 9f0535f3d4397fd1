package org.openpleb.client.wallet;

/**
 * An unclaimed token taken back into the wallet it came from.
 *
 * @param id the sent token
 * @param walletId the wallet it went back to
 * @param amount sats credited back (less the mint's input fee)
 * @param fee the mint's input fee
 * @param balance that wallet's balance afterwards
 */
public record TokenReclaim(String id, String walletId, long amount, long fee, Balance balance) {}
