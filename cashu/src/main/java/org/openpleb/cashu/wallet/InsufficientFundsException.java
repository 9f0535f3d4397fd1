package org.openpleb.cashu.wallet;

/** The wallet (or an owner's reservation) does not hold enough to pay the amount and fees. */
public class InsufficientFundsException extends WalletException {

  private final long needed;
  private final long available;

  public InsufficientFundsException(long needed, long available) {
    super("Insufficient funds: need " + needed + " sats including fees, have " + available);
    this.needed = needed;
    this.available = available;
  }

  public long needed() {
    return needed;
  }

  public long available() {
    return available;
  }
}
