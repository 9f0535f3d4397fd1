package org.openpleb.ee.capacity;

import java.util.Objects;

/**
 * CDI event fired once each time the server's capacity level changes, up or down.
 *
 * <p>It is fired synchronously after the new level is in effect ({@link CapacityMonitor#current()}
 * already returns {@code current}) and before any relief work runs.
 *
 * @param previous the level before the change
 * @param current the level now
 * @param reading the figures that caused the change
 */
public record CapacityLevelChanged(
    CapacityLevel previous, CapacityLevel current, CapacityReading reading) {

  public CapacityLevelChanged {
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(reading, "reading");
    if (previous == current) {
      throw new IllegalArgumentException("not a change: " + current);
    }
  }

  /** Whether the level went up. */
  public boolean rose() {
    return current.isAbove(previous);
  }
}
