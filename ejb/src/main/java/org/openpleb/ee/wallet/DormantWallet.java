package org.openpleb.ee.wallet;

import java.time.OffsetDateTime;

/**
 * A wallet of one of the user's ended sessions that still holds value; the user's later sessions
 * may withdraw from it by its id.
 *
 * @param walletId the wallet to name in a withdrawal
 * @param balance its balance snapshot
 * @param dormantSince when its session ended
 */
public record DormantWallet(String walletId, WalletBalance balance, OffsetDateTime dormantSince) {

  static DormantWallet of(StoredWallet wallet) {
    return new DormantWallet(
        wallet.walletId(), wallet.balance(), wallet.dormantSince().orElse(wallet.createdAt()));
  }
}
