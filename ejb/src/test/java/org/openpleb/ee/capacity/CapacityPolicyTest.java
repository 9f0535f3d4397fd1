package org.openpleb.ee.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.ee.capacity.CapacityLevel.CRITICAL;
import static org.openpleb.ee.capacity.CapacityLevel.EMERGENCY;
import static org.openpleb.ee.capacity.CapacityLevel.NORMAL;
import static org.openpleb.ee.capacity.CapacityLevel.WARNING;
import static org.openpleb.ee.capacity.ReliefAction.AGGRESSIVE_CLEANUP;
import static org.openpleb.ee.capacity.ReliefAction.EMERGENCY_RELIEF;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityPolicyTest {

  private static final Instant START = Instant.parse("2026-11-27T10:00:00Z");

  private final CapacityPolicy policy = new CapacityPolicy(CapacitySettings.defaults());
  private final MutableClock clock = new MutableClock(START);
  private CapacityStatus status = CapacityStatus.initial(START);

  /** Runs one check at the clock's time and keeps the resulting status. */
  private CapacityDecision check(double memoryRatio, long liveSessions) {
    MemoryReading memory =
        new MemoryReading(
            "test",
            new MemoryFigure(Math.round(memoryRatio * 1_000_000), 1_000_000),
            MemoryFigure.UNKNOWN);
    CapacityDecision decision =
        policy.assess(status, new CapacityReading(memory, liveSessions, clock.instant()));
    status = decision.status();
    return decision;
  }

  @Test
  void calmServerStaysNormalAndDoesNothing() {
    CapacityDecision decision = check(0.30, 10);
    assertEquals(NORMAL, decision.status().level());
    assertFalse(decision.levelChanged());
    assertEquals(List.of(), decision.actions());
    assertEquals(START, decision.status().since());
  }

  @Test
  void levelIsTheMoreSevereOfMemoryAndSessions() {
    assertEquals(WARNING, check(0.72, 10).status().level());
    assertEquals(CRITICAL, check(0.72, 400).status().level());
    CapacityStatus now = check(0.96, 400).status();
    assertEquals(EMERGENCY, now.level());
    assertEquals(EMERGENCY, now.memoryLevel());
    assertEquals(CRITICAL, now.sessionLevel());
  }

  @Test
  void sessionsAloneCanRaiseTheLevel() {
    CapacityStatus now = check(0.10, 450).status();
    assertEquals(EMERGENCY, now.level());
    assertEquals(NORMAL, now.memoryLevel());
  }

  @Test
  void hysteresisIsKeptPerSignalNotForTheCombinedLevel() {
    check(0.82, 400); // sessions CRITICAL, memory WARNING
    CapacityStatus now = check(0.82, 100).status();
    // memory never reached 0.85, so 0.82 must not hold it at CRITICAL
    assertEquals(WARNING, now.level());
    assertEquals(WARNING, now.memoryLevel());
    assertEquals(NORMAL, now.sessionLevel());
  }

  @Test
  void levelHoldsInsideTheMarginAndFallsBelowIt() {
    check(0.86, 0);
    assertEquals(CRITICAL, check(0.81, 0).status().level());
    assertEquals(CRITICAL, check(0.80, 0).status().level());
    CapacityDecision fall = check(0.79, 0);
    assertEquals(WARNING, fall.status().level());
    assertTrue(fall.levelChanged());
    assertFalse(fall.levelRose());
  }

  @Test
  void risingToCriticalCleansUpOnceAndNotAgainWhileCritical() {
    check(0.72, 0);
    assertEquals(List.of(AGGRESSIVE_CLEANUP), check(0.86, 0).actions());
    assertEquals(List.of(), check(0.88, 0).actions());
  }

  @Test
  void warningAloneAsksForNoRelief() {
    CapacityDecision decision = check(0.71, 0);
    assertTrue(decision.levelRose());
    assertEquals(List.of(), decision.actions());
  }

  @Test
  void jumpingStraightToEmergencyCleansUpThenRelieves() {
    assertEquals(List.of(AGGRESSIVE_CLEANUP, EMERGENCY_RELIEF), check(0.99, 0).actions());
  }

  @Test
  void risingFromCriticalToEmergencyOnlyRelieves() {
    check(0.86, 0);
    assertEquals(List.of(EMERGENCY_RELIEF), check(0.95, 0).actions());
  }

  @Test
  void emergencyReliefRepeatsAtEveryCheckWhileEmergencyLasts() {
    check(0.96, 0);
    assertEquals(List.of(EMERGENCY_RELIEF), check(0.93, 0).actions());
    assertEquals(List.of(EMERGENCY_RELIEF), check(0.91, 0).actions());
    assertEquals(List.of(), check(0.89, 0).actions()); // back to CRITICAL
  }

  @Test
  void fallingNeverAsksForRelief() {
    check(0.96, 460);
    assertEquals(List.of(), check(0.10, 0).actions());
    assertEquals(NORMAL, status.level());
  }

  @Test
  void risingAgainAfterAFallCleansUpAgain() {
    check(0.86, 0);
    check(0.60, 0);
    assertEquals(List.of(AGGRESSIVE_CLEANUP), check(0.86, 0).actions());
  }

  @Test
  void sinceMarksWhenTheEffectiveLevelWasEntered() {
    check(0.72, 0);
    Instant warningAt = clock.instant();
    clock.advance(Duration.ofSeconds(10));
    assertEquals(warningAt, check(0.74, 0).status().since());
    clock.advance(Duration.ofSeconds(10));
    // the memory level changes but the effective level (sessions at WARNING too) does not
    assertEquals(warningAt, check(0.50, 310).status().since());
    clock.advance(Duration.ofSeconds(10));
    Instant criticalAt = clock.instant();
    assertEquals(criticalAt, check(0.50, 400).status().since());
    assertEquals(criticalAt, status.reading().takenAt());
  }

  @Test
  void newSessionsKeepTheirConfiguredLifetimeBelowCritical() {
    Duration hour = Duration.ofHours(1);
    assertEquals(hour, policy.sessionLifetime(NORMAL, hour));
    assertEquals(hour, policy.sessionLifetime(WARNING, hour));
  }

  @Test
  void newSessionsGetTheShortLifetimeAtCriticalAndEmergency() {
    Duration hour = Duration.ofHours(1);
    assertEquals(Duration.ofSeconds(900), policy.sessionLifetime(CRITICAL, hour));
    assertEquals(Duration.ofSeconds(900), policy.sessionLifetime(EMERGENCY, hour));
  }

  @Test
  void theShortLifetimeNeverLengthensAShorterConfiguredOne() {
    Duration fiveMinutes = Duration.ofMinutes(5);
    assertEquals(fiveMinutes, policy.sessionLifetime(CRITICAL, fiveMinutes));
  }

  @Test
  void onlyEmergencyRefusesNewSessions() {
    assertTrue(check(0.90, 449).status().admitsNewSessions());
    assertFalse(check(0.90, 450).status().admitsNewSessions());
  }

  /** A clock the test moves by hand. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      now = start;
    }

    void advance(Duration step) {
      now = now.plus(step);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
