package org.openpleb.ee.capacity;

/**
 * One amount of memory in use against the most that may be used, in bytes.
 *
 * @param usedBytes bytes in use, never negative
 * @param limitBytes bytes available in total; 0 means the figure is not known
 */
public record MemoryFigure(long usedBytes, long limitBytes) {

  /** The figure of a signal that is not measured. */
  public static final MemoryFigure UNKNOWN = new MemoryFigure(0, 0);

  public MemoryFigure {
    if (usedBytes < 0 || limitBytes < 0) {
      throw new IllegalArgumentException(
          "memory figures cannot be negative: " + usedBytes + " / " + limitBytes);
    }
  }

  /** Whether the figure was measured. */
  public boolean known() {
    return limitBytes > 0;
  }

  /** Used divided by limit; 0 when unknown. May exceed 1 when a cgroup is over its limit. */
  public double ratio() {
    return known() ? (double) usedBytes / limitBytes : 0.0;
  }
}
