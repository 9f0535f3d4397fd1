package org.openpleb.cashu.wallet;

/**
 * What {@link Wallet#adoptSentToken(String)} did with a token this wallet had handed out before its
 * file was rebuilt from the seed.
 *
 * @param operationId the pending send that now holds the token's unclaimed proofs, or {@code null}
 *     when none of them is unclaimed in this wallet
 * @param inflight sats of the token now in flight (the holder may still claim them)
 * @param spent sats of the token the mint reports already spent (claimed by its holder)
 */
public record AdoptedToken(String operationId, long inflight, long spent) {}
