package org.openpleb.ee.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A charge of {@code percentage} % of an offer's sats plus {@code flatSats}, as OpenPleb defines
 * its platform fee, taker fee and bond.
 *
 * @param percentage from 0 to 100, exact (e.g. {@code 1}, {@code 2.5})
 * @param flatSats a fixed part in sats, at least 0
 */
public record Fee(BigDecimal percentage, long flatSats) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** Rejects percentages outside 0..100 and negative flat parts. */
  public Fee {
    Objects.requireNonNull(percentage, "percentage");
    if (percentage.signum() < 0 || percentage.compareTo(HUNDRED) > 0) {
      throw new IllegalArgumentException("percentage must be from 0 to 100");
    }
    if (flatSats < 0) {
      throw new IllegalArgumentException("flatSats must not be negative");
    }
  }

  /** The percentage part for an offer of {@code sats}: ceil(sats × percentage / 100). */
  public long percentagePart(long sats) {
    return BigDecimal.valueOf(sats)
        .multiply(percentage)
        .divide(HUNDRED, 0, RoundingMode.CEILING)
        .longValueExact();
  }

  /** The whole charge for an offer of {@code sats}: the percentage part plus the flat part. */
  public long of(long sats) {
    return Math.addExact(percentagePart(sats), flatSats);
  }
}
