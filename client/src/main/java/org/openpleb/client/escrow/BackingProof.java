package org.openpleb.client.escrow;

/**
 * A proof backing a hold by its NUT-07 {@code Y} (compressed point, lower-case hex) and amount.
 *
 * @param y hash_to_curve(secret)
 * @param amount the proof's sats
 */
public record BackingProof(String y, long amount) {}
