package org.openpleb.ee.web.wallet;

import org.openpleb.ee.wallet.WalletBalance;

/**
 * A wallet's balance in sats.
 *
 * @param spendable ready to spend or withdraw
 * @param reserved set aside for running trades
 * @param inflight in operations or withdrawn tokens not yet claimed
 */
public record BalanceView(long spendable, long reserved, long inflight) {

  static BalanceView of(WalletBalance balance) {
    return new BalanceView(balance.spendable(), balance.reserved(), balance.inflight());
  }
}
