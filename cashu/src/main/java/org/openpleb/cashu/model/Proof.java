package org.openpleb.cashu.model;

/**
 * A NUT-00 proof: one piece of ecash worth {@code amount} sats of keyset {@code id}.
 *
 * <p>The {@code secret} is a bearer secret: whoever knows it and {@code C} can spend the proof. It
 * must never reach a log or an error message.
 */
public record Proof(
    long amount, String id, String secret, String C, DleqProof dleq, String witness) {

  /** A proof without DLEQ and witness. */
  public Proof(long amount, String id, String secret, String C) {
    this(amount, id, secret, C, null, null);
  }

  @Override
  public String toString() {
    return "Proof[amount=" + amount + ", id=" + id + "]";
  }
}
