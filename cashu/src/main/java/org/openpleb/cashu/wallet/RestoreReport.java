package org.openpleb.cashu.wallet;

/**
 * What a restore from the seed found (NUT-09 + NUT-13).
 *
 * @param proofs unspent proofs recovered and stored as spendable
 * @param amount their value in sats
 * @param spent proofs the mint had signed for this seed that are already spent
 */
public record RestoreReport(int proofs, long amount, int spent) {}
