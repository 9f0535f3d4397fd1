package org.openpleb.cashu.wallet;

/**
 * Sats set aside in the wallet for an owner (e.g. an offer's escrow or a bond): not spendable by
 * anything else until sent for that owner or released.
 *
 * @param amount sats now reserved for the owner in total
 * @param fee the input fee paid to cut an exact amount (zero when no swap was needed)
 */
public record Reservation(String owner, long amount, long fee) {}
