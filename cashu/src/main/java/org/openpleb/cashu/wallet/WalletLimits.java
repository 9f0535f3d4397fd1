package org.openpleb.cashu.wallet;

/**
 * The most a wallet accepts from a token or moves in one operation. A token's amounts are chosen by
 * whoever wrote it and are only checked by the mint after the wallet has done its work, so the
 * wallet refuses outsized tokens and amounts before it plans a single output, checks a DLEQ proof
 * or calls the mint.
 *
 * @param maxAmount the most sats one token may carry and one operation (send, reserve, mint, melt)
 *     may move
 * @param maxTokenProofs the most proofs one token may hold
 */
public record WalletLimits(long maxAmount, int maxTokenProofs) {

  /** Every bitcoin there will ever be, in sats: no honest amount is larger. */
  public static final long BITCOIN_SUPPLY_SATS = 2_100_000_000_000_000L;

  /** The proofs a token may hold by default (the usual mint limit on inputs of one swap). */
  public static final int DEFAULT_MAX_TOKEN_PROOFS = 1_000;

  public WalletLimits {
    if (maxAmount < 1 || maxAmount > BITCOIN_SUPPLY_SATS) {
      throw new IllegalArgumentException(
          "maxAmount must be between 1 and " + BITCOIN_SUPPLY_SATS + " sats");
    }
    if (maxTokenProofs < 1 || maxTokenProofs > Denominations.MAX_PARTS) {
      throw new IllegalArgumentException(
          "maxTokenProofs must be between 1 and " + Denominations.MAX_PARTS);
    }
  }

  /** The built-in limits: the bitcoin supply and {@value #DEFAULT_MAX_TOKEN_PROOFS} proofs. */
  public static WalletLimits defaults() {
    return new WalletLimits(BITCOIN_SUPPLY_SATS, DEFAULT_MAX_TOKEN_PROOFS);
  }
}
