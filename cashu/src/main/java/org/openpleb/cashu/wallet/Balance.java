package org.openpleb.cashu.wallet;

/**
 * What a wallet holds, in sats.
 *
 * @param spendable ready to spend
 * @param reserved set aside for owners (e.g. escrow of running trades)
 * @param inflight held by running operations or handed out in tokens not yet claimed; still the
 *     wallet's until the mint says it is spent
 */
public record Balance(long spendable, long reserved, long inflight) {

  /** Everything the wallet still owns. */
  public long total() {
    return spendable + reserved + inflight;
  }
}
