package org.openpleb.ee.web.wallet;

/**
 * Where a Lightning deposit stands, as the API names it: the values of the wallet's own {@link
 * org.openpleb.ee.wallet.DepositState}, repeated in the web module because Payara's OpenAPI
 * generator only describes types of the WAR itself (a unit test keeps both alike).
 */
public enum DepositState {
  /** The invoice is not paid yet; the server keeps checking. */
  PENDING,
  /** The invoice is paid but the ecash is not minted yet. */
  PAID,
  /** Minted into the wallet. */
  CREDITED,
  /** The invoice expired unpaid. */
  EXPIRED,
  /** The mint refused to mint it. */
  FAILED;

  static DepositState of(org.openpleb.ee.wallet.DepositState state) {
    return valueOf(state.name());
  }
}
