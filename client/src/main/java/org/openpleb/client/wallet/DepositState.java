package org.openpleb.client.wallet;

/** Where a Lightning deposit stands. */
public enum DepositState {
  /** The invoice is not paid yet; the server keeps checking. */
  PENDING,
  /** Paid; the ecash is being minted. */
  PAID,
  /** Minted into the wallet. */
  CREDITED,
  /** The invoice expired unpaid. */
  EXPIRED,
  /** The mint refused to mint it. */
  FAILED
}
