package org.openpleb.cashu.wallet;

import java.math.BigInteger;

/**
 * How to receive a token.
 *
 * @param p2pkPrivateKey the private key that unlocks a token locked to its public key (NUT-11), or
 *     {@code null}
 * @param reserveFor reserve the received sats for this owner instead of making them spendable, or
 *     {@code null}
 */
public record ReceiveOptions(BigInteger p2pkPrivateKey, String reserveFor) {

  /** Plain receive: unlocked token, sats become spendable. */
  public static ReceiveOptions defaults() {
    return new ReceiveOptions(null, null);
  }

  public ReceiveOptions unlockingWith(BigInteger privateKey) {
    return new ReceiveOptions(privateKey, reserveFor);
  }

  public ReceiveOptions reservingFor(String owner) {
    return new ReceiveOptions(p2pkPrivateKey, owner);
  }

  @Override
  public String toString() {
    return "ReceiveOptions[unlock=" + (p2pkPrivateKey != null) + ", reserveFor=" + reserveFor + "]";
  }
}
