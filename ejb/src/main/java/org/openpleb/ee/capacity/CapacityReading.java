package org.openpleb.ee.capacity;

import java.time.Instant;
import java.util.Objects;

/**
 * The two figures the capacity level is computed from, taken together at one instant.
 *
 * @param memory the memory reading (machine and heap)
 * @param liveSessions sessions alive at that instant, across all servers sharing the database
 * @param takenAt when the figures were read
 */
public record CapacityReading(MemoryReading memory, long liveSessions, Instant takenAt) {

  public CapacityReading {
    Objects.requireNonNull(memory, "memory");
    Objects.requireNonNull(takenAt, "takenAt");
    if (liveSessions < 0) {
      throw new IllegalArgumentException("live sessions cannot be negative: " + liveSessions);
    }
  }

  /** A reading with nothing measured, standing in until the first check. */
  public static CapacityReading none(Instant at) {
    return new CapacityReading(MemoryReading.none(), 0, at);
  }

  /** The memory ratio the level follows. */
  public double memoryRatio() {
    return memory.ratio();
  }
}
