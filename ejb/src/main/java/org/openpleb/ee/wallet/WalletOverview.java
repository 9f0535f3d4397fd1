package org.openpleb.ee.wallet;

import java.util.List;

/**
 * What a session sees of its money, read from the balance snapshots alone (no wallet is opened).
 *
 * @param walletId the session's own wallet
 * @param balance its balance (zero until money first moves)
 * @param dormant wallets of the same user's ended sessions that still hold value
 */
public record WalletOverview(String walletId, WalletBalance balance, List<DormantWallet> dormant) {

  public WalletOverview {
    dormant = List.copyOf(dormant);
  }
}
