package org.openpleb.ee.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.ee.capacity.CapacityLevel.CRITICAL;
import static org.openpleb.ee.capacity.CapacityLevel.EMERGENCY;
import static org.openpleb.ee.capacity.CapacityLevel.NORMAL;
import static org.openpleb.ee.capacity.CapacityLevel.WARNING;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CapacityLevelTest {

  @Test
  void gaugeValuesRunFromZeroToThree() {
    assertEquals(0, NORMAL.severity());
    assertEquals(1, WARNING.severity());
    assertEquals(2, CRITICAL.severity());
    assertEquals(3, EMERGENCY.severity());
    assertEquals(CRITICAL, CapacityLevel.ofSeverity(2));
    assertThrows(IllegalArgumentException.class, () -> CapacityLevel.ofSeverity(4));
  }

  @Test
  void maxIsTheMoreSevere() {
    assertEquals(CRITICAL, CapacityLevel.max(WARNING, CRITICAL));
    assertEquals(CRITICAL, CapacityLevel.max(CRITICAL, NORMAL));
    assertEquals(WARNING, CapacityLevel.max(WARNING, WARNING));
  }

  @Test
  void onlyEmergencyRefusesAndCriticalUpShortens() {
    assertTrue(CRITICAL.admitsNewSessions());
    assertFalse(EMERGENCY.admitsNewSessions());
    assertFalse(WARNING.shortensNewSessions());
    assertTrue(CRITICAL.shortensNewSessions());
    assertTrue(EMERGENCY.shortensNewSessions());
  }

  @Test
  void aStatusLevelMustBeTheMaxOfItsSignals() {
    CapacityReading reading = CapacityReading.none(Instant.EPOCH);
    assertThrows(
        IllegalArgumentException.class,
        () -> new CapacityStatus(WARNING, CRITICAL, NORMAL, reading, Instant.EPOCH));
  }

  @Test
  void aChangeEventMustBeAChange() {
    CapacityReading reading = CapacityReading.none(Instant.EPOCH);
    assertThrows(
        IllegalArgumentException.class, () -> new CapacityLevelChanged(WARNING, WARNING, reading));
    assertTrue(new CapacityLevelChanged(WARNING, EMERGENCY, reading).rose());
  }
}
