package org.openpleb.ee.wallet;

import org.openpleb.cashu.wallet.Balance;

/**
 * What a wallet holds, in sats, as the platform reports it.
 *
 * @param spendable ready to spend or withdraw
 * @param reserved set aside for an owner (a running trade's escrow or bond)
 * @param inflight held by running operations or in withdrawn tokens not yet claimed; still the
 *     wallet's until the mint says it is spent
 */
public record WalletBalance(long spendable, long reserved, long inflight) {

  /** An empty wallet. */
  public static final WalletBalance ZERO = new WalletBalance(0, 0, 0);

  /** The wallet core's balance. */
  public static WalletBalance of(Balance balance) {
    return new WalletBalance(balance.spendable(), balance.reserved(), balance.inflight());
  }

  /** Everything the wallet still owns. */
  public long total() {
    return spendable + reserved + inflight;
  }
}
