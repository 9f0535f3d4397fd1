package org.openpleb.ee.web.wallet;

import java.time.OffsetDateTime;
import org.openpleb.ee.wallet.DormantWallet;

/**
 * A wallet of one of the caller's ended sessions that still holds value; name its {@code walletId}
 * in a withdrawal to take the sats out.
 *
 * @param walletId the dormant wallet
 * @param spendable sats ready to withdraw
 * @param reserved sats reserved for running trades
 * @param inflight sats in flight
 * @param dormantSince when its session ended
 */
public record DormantWalletView(
    String walletId, long spendable, long reserved, long inflight, OffsetDateTime dormantSince) {

  static DormantWalletView of(DormantWallet wallet) {
    return new DormantWalletView(
        wallet.walletId(),
        wallet.balance().spendable(),
        wallet.balance().reserved(),
        wallet.balance().inflight(),
        wallet.dormantSince());
  }
}
