package org.openpleb.cashu.mint;

/**
 * The mint's NUT-07 answer for one proof, identified by its {@code Y = hash_to_curve(secret)}.
 *
 * @param y the compressed point hex the wallet asked about
 * @param status the proof's state at the mint
 * @param witness the witness the proof was spent with, if the mint reports it
 */
public record ProofCheck(String y, ProofStatus status, String witness) {}
