package org.openpleb.ee.capacity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

/**
 * A memory probe whose reading a test sets, so an integration test can walk the server through
 * every capacity level without filling its memory.
 *
 * <p>The monitor reads it only when {@code CAPACITY_MEMORY_SOURCE=test}; with any other source the
 * bean exists but is ignored. Its bean type is the class alone so that nothing injecting a {@link
 * MemoryProbe} can pick it up by accident. The reading starts at 0.
 */
@ApplicationScoped
@Typed(AdjustableMemoryProbe.class)
public class AdjustableMemoryProbe implements MemoryProbe {

  /**
   * The nominal machine size behind the ratio. A power of ten keeps the ratio exact: a ratio with
   * up to nine decimals times 10^9 is a whole number of bytes, and dividing back gives the same
   * double (with 2^30 bytes, 0.85 would come back just below 0.85 and miss the CRITICAL threshold).
   */
  static final long NOMINAL_LIMIT_BYTES = 1_000_000_000L;

  private volatile double ratio;

  /**
   * Sets the machine memory ratio the next readings report.
   *
   * @param ratio used / limit, at least 0 (above 1 means over the limit)
   */
  public void setRatio(double ratio) {
    if (!(ratio >= 0) || Double.isInfinite(ratio)) {
      throw new IllegalArgumentException("memory ratio must be a finite number >= 0: " + ratio);
    }
    this.ratio = ratio;
  }

  /** The ratio currently reported. */
  public double ratio() {
    return ratio;
  }

  @Override
  public MemoryReading read() {
    long used = Math.round(ratio * NOMINAL_LIMIT_BYTES);
    return new MemoryReading(
        "test", new MemoryFigure(used, NOMINAL_LIMIT_BYTES), MemoryFigure.UNKNOWN);
  }
}
