package org.openpleb.ee.capacity;

import java.time.Instant;
import java.util.Objects;

/**
 * The server's capacity as of the last check: the level, what each signal says on its own, the
 * reading behind it and since when the level holds.
 *
 * <p>Each signal keeps its own level because hysteresis applies per signal: a memory ratio of 0.82
 * keeps memory at CRITICAL only if memory itself went there, not if sessions did.
 *
 * @param level the effective level, the more severe of {@code memoryLevel} and {@code sessionLevel}
 * @param memoryLevel the level the memory ratio alone holds
 * @param sessionLevel the level the live-session count alone holds
 * @param reading the figures of the last check
 * @param since when the effective level was entered
 */
public record CapacityStatus(
    CapacityLevel level,
    CapacityLevel memoryLevel,
    CapacityLevel sessionLevel,
    CapacityReading reading,
    Instant since) {

  public CapacityStatus {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(memoryLevel, "memoryLevel");
    Objects.requireNonNull(sessionLevel, "sessionLevel");
    Objects.requireNonNull(reading, "reading");
    Objects.requireNonNull(since, "since");
    if (level != CapacityLevel.max(memoryLevel, sessionLevel)) {
      throw new IllegalArgumentException(
          "level " + level + " is not the max of " + memoryLevel + " and " + sessionLevel);
    }
  }

  /** The calm status a server starts in, before its first check. */
  public static CapacityStatus initial(Instant at) {
    return new CapacityStatus(
        CapacityLevel.NORMAL,
        CapacityLevel.NORMAL,
        CapacityLevel.NORMAL,
        CapacityReading.none(at),
        at);
  }

  /** Whether a login may open a new session now. */
  public boolean admitsNewSessions() {
    return level.admitsNewSessions();
  }

  /** The memory ratio of the last check. */
  public double memoryRatio() {
    return reading.memoryRatio();
  }

  /** The live-session count of the last check. */
  public long liveSessions() {
    return reading.liveSessions();
  }
}
