package org.openpleb.client.wallet;

/**
 * A withdrawal as a Cashu token.
 *
 * @param amount sats to put in the token
 * @param lockToSessionKey lock the token (NUT-11) to {@code 02}+pubkey of the session, so only the
 *     login key can claim it
 * @param walletId a dormant wallet of the caller to withdraw from; the session's wallet if {@code
 *     null}
 */
public record TokenWithdrawalRequest(Long amount, Boolean lockToSessionKey, String walletId) {}
