package org.openpleb.cashu.wallet;

/**
 * A token swapped into the wallet.
 *
 * @param amount sats credited, after the fee
 * @param fee the mint's input fee for the swap
 */
public record ReceiveResult(String operationId, long amount, long fee) {}
