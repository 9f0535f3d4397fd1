package org.openpleb.ee.capacity;

import java.math.BigDecimal;

/**
 * The three thresholds of one capacity signal (memory ratio or live sessions) with the hysteresis
 * that keeps the level from flapping.
 *
 * <p>A reading enters a level when it reaches that level's threshold ({@code >=}). It leaves a
 * level it is in only when it drops below the threshold minus the margin ({@code <}); until then
 * the level holds. Rising is immediate and may skip levels; falling goes down as far as the reading
 * allows, and stops at the first level whose exit point the reading still meets.
 */
public final class ThresholdLadder {

  /** Exit points are kept to nine decimals so that 0.85 - 0.05 is the 0.80 an operator expects. */
  private static final double EXIT_PRECISION = 1e9;

  private final String signal;
  private final double[] entry;
  private final double[] exit;

  private ThresholdLadder(String signal, double[] entry, double[] margin) {
    this.signal = signal;
    this.entry = entry;
    this.exit = new double[entry.length];
    for (int i = 1; i < entry.length; i++) {
      exit[i] = Math.round((entry[i] - margin[i]) * EXIT_PRECISION) / EXIT_PRECISION;
    }
  }

  /**
   * A ladder for a ratio signal; each level is left at its threshold minus {@code margin} (an
   * absolute ratio, 0.05 means five percentage points).
   */
  public static ThresholdLadder ofRatios(
      double warning, double critical, double emergency, double margin) {
    requireOrdered(warning, critical, emergency);
    if (!(margin >= 0) || margin >= warning) {
      throw new IllegalArgumentException("ratio margin must be in [0, warning): " + margin);
    }
    return new ThresholdLadder(
        "memory ratio",
        new double[] {0, warning, critical, emergency},
        new double[] {0, margin, margin, margin});
  }

  /**
   * A ladder for a count signal; each level is left at its threshold reduced by {@code fraction} of
   * itself (0.05 leaves WARNING at 300 sessions below 285).
   */
  public static ThresholdLadder ofCounts(
      long warning, long critical, long emergency, double fraction) {
    requireOrdered(warning, critical, emergency);
    if (!(fraction >= 0) || fraction >= 1) {
      throw new IllegalArgumentException("count margin must be in [0, 1): " + fraction);
    }
    return new ThresholdLadder(
        "live sessions",
        new double[] {0, warning, critical, emergency},
        new double[] {0, warning * fraction, critical * fraction, emergency * fraction});
  }

  private static void requireOrdered(double warning, double critical, double emergency) {
    if (!(warning > 0 && warning < critical && critical < emergency)) {
      throw new IllegalArgumentException(
          "thresholds must be positive and rising: "
              + warning
              + ", "
              + critical
              + ", "
              + emergency);
    }
  }

  /** The level for {@code reading}, given the level this signal was in before. */
  public CapacityLevel levelFor(double reading, CapacityLevel previous) {
    int reached = 0;
    for (int i = 1; i < entry.length; i++) {
      if (reading >= entry[i]) {
        reached = i;
      }
    }
    int level = previous.severity();
    if (reached >= level) {
      return CapacityLevel.ofSeverity(reached);
    }
    while (level > reached && reading < exit[level]) {
      level--;
    }
    return CapacityLevel.ofSeverity(level);
  }

  /** The reading at which {@code level} is entered. */
  public double entryPoint(CapacityLevel level) {
    requireAboveNormal(level);
    return entry[level.severity()];
  }

  /** The reading below which {@code level} is left. */
  public double exitPoint(CapacityLevel level) {
    requireAboveNormal(level);
    return exit[level.severity()];
  }

  private static void requireAboveNormal(CapacityLevel level) {
    if (level == CapacityLevel.NORMAL) {
      throw new IllegalArgumentException("NORMAL has no threshold");
    }
  }

  @Override
  public String toString() {
    return signal
        + " enters at "
        + plain(entry[1])
        + "/"
        + plain(entry[2])
        + "/"
        + plain(entry[3])
        + ", leaves below "
        + plain(exit[1])
        + "/"
        + plain(exit[2])
        + "/"
        + plain(exit[3]);
  }

  /** 300 rather than 300.0; 0.7 stays 0.7. */
  private static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
