package org.openpleb.ee.web.wallet;

import java.util.List;
import org.openpleb.ee.wallet.WalletOverview;

/**
 * The caller's money: the session wallet's balance and the dormant wallets of earlier sessions.
 *
 * @param walletId the session's wallet
 * @param spendable sats ready to spend or withdraw
 * @param reserved sats reserved for running trades
 * @param inflight sats in operations or withdrawn tokens not yet claimed
 * @param dormant wallets of the caller's ended sessions that still hold value
 */
public record WalletView(
    String walletId,
    long spendable,
    long reserved,
    long inflight,
    List<DormantWalletView> dormant) {

  static WalletView of(WalletOverview overview) {
    return new WalletView(
        overview.walletId(),
        overview.balance().spendable(),
        overview.balance().reserved(),
        overview.balance().inflight(),
        overview.dormant().stream().map(DormantWalletView::of).toList());
  }
}
