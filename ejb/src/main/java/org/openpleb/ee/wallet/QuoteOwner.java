package org.openpleb.ee.wallet;

/**
 * Whose sats a mint quote buys: the wallet they are minted into and the user and session it belongs
 * to (so the wallet can be recorded, and listed to the user, before money moves into it).
 */
public record QuoteOwner(String walletId, String pubkey, String sessionId) {}
