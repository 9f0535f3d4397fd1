package org.openpleb.client.wallet;

import java.util.List;

/**
 * The caller's money: the session wallet's balance and the dormant wallets of earlier sessions.
 *
 * @param walletId the session's wallet
 * @param spendable sats ready to spend or withdraw
 * @param reserved sats reserved for running trades
 * @param inflight sats in operations or withdrawn tokens not yet claimed
 * @param dormant wallets of the caller's ended sessions that still hold value
 */
public record Wallet(
    String walletId, long spendable, long reserved, long inflight, List<DormantWallet> dormant) {}
