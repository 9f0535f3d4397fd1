package org.openpleb.cashu.wallet;

import java.math.BigInteger;

/**
 * How to receive a token.
 *
 * @param p2pkPrivateKey the private key that unlocks a token locked to its public key (NUT-11), or
 *     {@code null}
 * @param reserveFor reserve the received sats for this owner instead of making them spendable, or
 *     {@code null}
 * @param reserveAtMost the most of the received sats reserved for {@code reserveFor}; the rest
 *     becomes spendable in the same swap ({@link Long#MAX_VALUE}: all of them)
 */
public record ReceiveOptions(BigInteger p2pkPrivateKey, String reserveFor, long reserveAtMost) {

  public ReceiveOptions {
    if (reserveAtMost <= 0) {
      throw new IllegalArgumentException("reserveAtMost must be above 0");
    }
  }

  /** Plain receive: unlocked token, sats become spendable. */
  public static ReceiveOptions defaults() {
    return new ReceiveOptions(null, null, Long.MAX_VALUE);
  }

  public ReceiveOptions unlockingWith(BigInteger privateKey) {
    return new ReceiveOptions(privateKey, reserveFor, reserveAtMost);
  }

  /** Reserves everything received for {@code owner}. */
  public ReceiveOptions reservingFor(String owner) {
    return new ReceiveOptions(p2pkPrivateKey, owner, Long.MAX_VALUE);
  }

  /**
   * Reserves {@code amount} of what is received for {@code owner} (all of it when the token nets
   * less) and makes the rest spendable, in one swap: a bond paid with a larger token holds only the
   * bond.
   */
  public ReceiveOptions reservingFor(String owner, long amount) {
    return new ReceiveOptions(p2pkPrivateKey, owner, amount);
  }

  @Override
  public String toString() {
    return "ReceiveOptions[unlock="
        + (p2pkPrivateKey != null)
        + ", reserveFor="
        + reserveFor
        + (reserveAtMost == Long.MAX_VALUE ? "" : ", reserveAtMost=" + reserveAtMost)
        + "]";
  }
}
