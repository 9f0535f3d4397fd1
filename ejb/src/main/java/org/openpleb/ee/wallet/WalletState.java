package org.openpleb.ee.wallet;

/** Where a wallet stands in its owner's life, as stored in {@code wallets.state}. */
public enum WalletState {
  /** The wallet of a live session. */
  ACTIVE,
  /** Its session ended while it held value; the same pubkey's later sessions may withdraw it. */
  DORMANT
}
