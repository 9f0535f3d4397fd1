package org.openpleb.ee.capacity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rules that turn a capacity reading into a level and into relief work, without any container.
 *
 * <p>The level is the more severe of the memory level and the session level, each with hysteresis
 * (see {@link ThresholdLadder}). Relief follows the level:
 *
 * <ul>
 *   <li>rising to CRITICAL runs an aggressive cleanup once;
 *   <li>rising to EMERGENCY runs emergency relief (after the cleanup, if CRITICAL was skipped);
 *   <li>staying at EMERGENCY runs emergency relief again at every check, because the sessions that
 *       remain keep opening wallets and going idle;
 *   <li>falling, or staying below EMERGENCY, runs nothing.
 * </ul>
 */
public final class CapacityPolicy {

  private final ThresholdLadder memory;
  private final ThresholdLadder sessions;
  private final Duration criticalSessionLifetime;

  /** The policy of validated settings. */
  public CapacityPolicy(CapacitySettings settings) {
    this(
        ThresholdLadder.ofRatios(
            settings.memoryWarning(),
            settings.memoryCritical(),
            settings.memoryEmergency(),
            settings.hysteresis()),
        ThresholdLadder.ofCounts(
            settings.sessionsWarning(),
            settings.sessionsCritical(),
            settings.sessionsEmergency(),
            settings.hysteresis()),
        settings.criticalSessionExpiry());
  }

  /** A policy of explicit ladders. */
  public CapacityPolicy(
      ThresholdLadder memory, ThresholdLadder sessions, Duration criticalSessionLifetime) {
    this.memory = Objects.requireNonNull(memory, "memory");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.criticalSessionLifetime =
        Objects.requireNonNull(criticalSessionLifetime, "criticalSessionLifetime");
    if (criticalSessionLifetime.isNegative() || criticalSessionLifetime.isZero()) {
      throw new IllegalArgumentException(
          "critical session lifetime must be positive: " + criticalSessionLifetime);
    }
  }

  /** Judges {@code reading} against the status of the previous check. */
  public CapacityDecision assess(CapacityStatus previous, CapacityReading reading) {
    CapacityLevel memoryLevel = memory.levelFor(reading.memoryRatio(), previous.memoryLevel());
    CapacityLevel sessionLevel = sessions.levelFor(reading.liveSessions(), previous.sessionLevel());
    CapacityLevel level = CapacityLevel.max(memoryLevel, sessionLevel);
    CapacityLevel before = previous.level();
    CapacityStatus next =
        new CapacityStatus(
            level,
            memoryLevel,
            sessionLevel,
            reading,
            level == before ? previous.since() : reading.takenAt());

    List<ReliefAction> actions = new ArrayList<>(2);
    if (level.isAbove(before)) {
      if (!before.isAbove(CapacityLevel.WARNING) && level.shortensNewSessions()) {
        actions.add(ReliefAction.AGGRESSIVE_CLEANUP);
      }
      if (level == CapacityLevel.EMERGENCY) {
        actions.add(ReliefAction.EMERGENCY_RELIEF);
      }
    } else if (level == CapacityLevel.EMERGENCY) {
      actions.add(ReliefAction.EMERGENCY_RELIEF);
    }
    return new CapacityDecision(previous, next, actions);
  }

  /**
   * The lifetime a session created now gets: the configured one, or the shortened CRITICAL lifetime
   * if that is shorter and the level is CRITICAL or worse.
   */
  public Duration sessionLifetime(CapacityLevel level, Duration configured) {
    Objects.requireNonNull(configured, "configured");
    if (level.shortensNewSessions() && criticalSessionLifetime.compareTo(configured) < 0) {
      return criticalSessionLifetime;
    }
    return configured;
  }

  /** The memory ladder, for reports. */
  public ThresholdLadder memoryLadder() {
    return memory;
  }

  /** The live-session ladder, for reports. */
  public ThresholdLadder sessionLadder() {
    return sessions;
  }
}
