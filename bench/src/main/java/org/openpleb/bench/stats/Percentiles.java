package org.openpleb.bench.stats;

import java.util.Arrays;

/**
 * The percentiles of one set of latency samples, by the nearest-rank method: the p-th percentile of
 * n sorted samples is the sample at rank ceil(p/100 × n), so every reported figure is a latency
 * that was actually observed, never an interpolation between two.
 *
 * @param count number of samples
 * @param minNanos the smallest sample
 * @param p50Nanos the median
 * @param p95Nanos the 95th percentile
 * @param p99Nanos the 99th percentile
 * @param maxNanos the largest sample
 * @param meanNanos the arithmetic mean, rounded down
 */
public record Percentiles(
    long count,
    long minNanos,
    long p50Nanos,
    long p95Nanos,
    long p99Nanos,
    long maxNanos,
    long meanNanos) {

  /** The figures of no samples at all: every value 0. */
  public static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0, 0, 0);

  /** The percentiles of {@code samples} (nanoseconds); the array is left unchanged. */
  public static Percentiles of(long[] samples) {
    if (samples.length == 0) {
      return NONE;
    }
    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    long sum = 0;
    for (long s : sorted) {
      sum += s;
    }
    return new Percentiles(
        sorted.length,
        sorted[0],
        rank(sorted, 50),
        rank(sorted, 95),
        rank(sorted, 99),
        sorted[sorted.length - 1],
        sum / sorted.length);
  }

  /**
   * The nearest-rank {@code percent}-th percentile of already sorted samples: the value at 1-based
   * rank ceil(percent × n / 100).
   */
  public static long rank(long[] sorted, double percent) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
    }
    // ceil: the smallest rank at which at least percent % of the samples are at or below it
    long rank = (long) Math.ceil(percent * sorted.length / 100.0);
    return sorted[(int) Math.max(1, rank) - 1];
  }

  /** The median in milliseconds. */
  public double p50Millis() {
    return p50Nanos / 1e6;
  }

  /** The 95th percentile in milliseconds. */
  public double p95Millis() {
    return p95Nanos / 1e6;
  }

  /** The 99th percentile in milliseconds. */
  public double p99Millis() {
    return p99Nanos / 1e6;
  }

  /** The largest sample in milliseconds. */
  public double maxMillis() {
    return maxNanos / 1e6;
  }

  /** The mean in milliseconds. */
  public double meanMillis() {
    return meanNanos / 1e6;
  }
}
