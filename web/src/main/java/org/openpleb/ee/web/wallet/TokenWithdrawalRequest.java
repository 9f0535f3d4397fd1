package org.openpleb.ee.web.wallet;

/**
 * A withdrawal as a Cashu token.
 *
 * @param amount sats to put in the token
 * @param lockToSessionKey lock the token to the session's public key (NUT-11 P2PK, key {@code
 *     02}+pubkey), so only the holder of the login key can claim it
 * @param walletId a dormant wallet of the caller to withdraw from; the session's wallet if absent
 */
public record TokenWithdrawalRequest(Long amount, Boolean lockToSessionKey, String walletId) {}
