package org.openpleb.client.treasury;

/**
 * A token withdrawn from the treasury; the server does not keep it.
 *
 * @param token the Cashu token, a bearer secret
 * @param amount sats in it
 * @param fee mint fee paid
 */
public record TreasuryWithdrawal(String token, long amount, long fee) {

  @Override
  public String toString() {
    return "TreasuryWithdrawal[" + amount + " sats]";
  }
}
