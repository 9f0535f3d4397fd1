package org.openpleb.ee.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one price feed answered: a bitcoin price and the name of the feed that gave it (a feed with
 * a fallback names whichever answered).
 *
 * @param fiatPerBtc whole currency units per bitcoin, positive, trailing zeros stripped
 * @param source the answering feed's name
 */
public record PriceReading(BigDecimal fiatPerBtc, String source) {

  /** Requires a positive price; normalises its scale so equal prices print alike. */
  public PriceReading {
    Objects.requireNonNull(fiatPerBtc, "fiatPerBtc");
    Objects.requireNonNull(source, "source");
    if (fiatPerBtc.signum() <= 0) {
      throw new IllegalArgumentException("fiatPerBtc must be positive");
    }
    fiatPerBtc = plain(fiatPerBtc);
  }

  /** {@code value} without trailing zeros but never in exponent form (150000000, not 1.5E+8). */
  static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
