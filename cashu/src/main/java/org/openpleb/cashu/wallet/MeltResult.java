package org.openpleb.cashu.wallet;

/**
 * The outcome of paying a Lightning invoice with ecash.
 *
 * @param amount the invoice amount in sats
 * @param fee what the payment cost beyond the amount: Lightning fee plus mint input fee (known once
 *     paid)
 * @param change sats returned from the unused fee reserve
 * @param preimage the payment preimage, once paid and reported by the mint
 */
public record MeltResult(
    String operationId, MeltStatus status, long amount, long fee, long change, String preimage) {}
