package org.openpleb.ee.custody.commitment;

/**
 * A hold the database says an offer may have: which wallet, under which owner label. What it really
 * holds is read from the wallet file.
 *
 * @param offerId the offer
 * @param kind escrow or bond
 * @param walletId the wallet that holds it
 * @param owner the reservation's owner label in that wallet
 */
public record HeldOffer(String offerId, HoldKind kind, String walletId, String owner) {}
