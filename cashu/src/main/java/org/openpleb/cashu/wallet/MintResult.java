package org.openpleb.cashu.wallet;

/**
 * Ecash minted into the wallet for a paid quote.
 *
 * @param amount sats added
 * @param reservedFor the owner the new proofs were reserved for, or {@code null} if spendable
 */
public record MintResult(String operationId, long amount, String reservedFor) {}
