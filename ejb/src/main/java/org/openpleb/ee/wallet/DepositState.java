package org.openpleb.ee.wallet;

/** Where a Lightning deposit stands, as stored in {@code wallet_deposits.state}. */
public enum DepositState {
  /** The invoice is not paid yet; the watcher keeps checking. */
  PENDING,
  /** The invoice is paid but the ecash is not minted yet (the mint or the wallet was busy). */
  PAID,
  /** Minted into the wallet. */
  CREDITED,
  /** The invoice expired unpaid. */
  EXPIRED,
  /** The mint refused to mint it (e.g. it does not know the quote). */
  FAILED;

  /** Whether the watcher still works on it. */
  public boolean open() {
    return this == PENDING || this == PAID;
  }
}
