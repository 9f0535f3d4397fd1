package org.openpleb.cashu.wallet;

import java.util.Objects;

/**
 * One proof reserved for an owner, as much of it as may leave the wallet: its NUT-07 {@code Y}
 * (which anyone may ask the mint about, and which does not let anyone spend the proof) and its
 * amount. The secret and the signature stay inside the wallet.
 *
 * @param y {@code hash_to_curve(secret)}, compressed point, 66 lower-case hex characters
 * @param amount the proof's amount in the wallet's unit
 */
public record ReservedProof(String y, long amount) {

  /** Requires a {@code Y} and a positive amount. */
  public ReservedProof {
    Objects.requireNonNull(y, "y");
    if (amount <= 0) {
      throw new IllegalArgumentException("a proof's amount is positive");
    }
  }
}
