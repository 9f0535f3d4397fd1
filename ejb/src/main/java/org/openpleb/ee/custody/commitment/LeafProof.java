package org.openpleb.ee.custody.commitment;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One proof backing a hold: its NUT-07 {@code Y} (what the mint's {@code POST /v1/checkstate}
 * answers about; it does not let anyone spend the proof) and its amount.
 *
 * @param y {@code hash_to_curve(secret)} as a compressed secp256k1 point, 66 lower-case hex
 *     characters starting {@code 02} or {@code 03}
 * @param amount the proof's amount in sats
 */
public record LeafProof(String y, long amount) {

  private static final Pattern COMPRESSED_POINT = Pattern.compile("0[23][0-9a-f]{64}");

  /** Requires a compressed point in lower-case hex and a positive amount. */
  public LeafProof {
    Objects.requireNonNull(y, "y");
    if (!COMPRESSED_POINT.matcher(y).matches()) {
      throw new IllegalArgumentException("Y is a compressed point in lower-case hex");
    }
    if (amount <= 0) {
      throw new IllegalArgumentException("a proof's amount is positive");
    }
  }
}
