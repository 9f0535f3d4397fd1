package org.openpleb.ee.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openpleb.ee.capacity.CapacityLevel.CRITICAL;
import static org.openpleb.ee.capacity.CapacityLevel.EMERGENCY;
import static org.openpleb.ee.capacity.CapacityLevel.NORMAL;
import static org.openpleb.ee.capacity.CapacityLevel.WARNING;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdLadderTest {

  @Nested
  class MemoryRatios {

    private final ThresholdLadder memory = ThresholdLadder.ofRatios(0.70, 0.85, 0.95, 0.05);

    @ParameterizedTest(name = "ratio {0} from NORMAL -> {1}")
    @CsvSource({
      "0.0, NORMAL",
      "0.6999, NORMAL",
      "0.70, WARNING",
      "0.8499, WARNING",
      "0.85, CRITICAL",
      "0.9499, CRITICAL",
      "0.95, EMERGENCY",
      "1.0, EMERGENCY",
      "1.2, EMERGENCY"
    })
    void risingEntersAtEachThresholdInclusive(double ratio, CapacityLevel expected) {
      assertEquals(expected, memory.levelFor(ratio, NORMAL));
    }

    @Test
    void risingMaySkipLevels() {
      assertEquals(EMERGENCY, memory.levelFor(0.96, NORMAL));
      assertEquals(CRITICAL, memory.levelFor(0.90, WARNING));
    }

    @ParameterizedTest(name = "ratio {1} from {0} -> {2}")
    @CsvSource({
      // WARNING holds down to 0.65 inclusive, leaves below it
      "WARNING, 0.69, WARNING",
      "WARNING, 0.65, WARNING",
      "WARNING, 0.6499, NORMAL",
      // CRITICAL holds down to 0.80
      "CRITICAL, 0.84, CRITICAL",
      "CRITICAL, 0.80, CRITICAL",
      "CRITICAL, 0.7999, WARNING",
      "CRITICAL, 0.6499, NORMAL",
      // EMERGENCY holds down to 0.90
      "EMERGENCY, 0.94, EMERGENCY",
      "EMERGENCY, 0.90, EMERGENCY",
      "EMERGENCY, 0.8999, CRITICAL",
      "EMERGENCY, 0.7999, WARNING",
      "EMERGENCY, 0.10, NORMAL"
    })
    void fallingLeavesOnlyBelowThresholdMinusMargin(
        CapacityLevel previous, double ratio, CapacityLevel expected) {
      assertEquals(expected, memory.levelFor(ratio, previous));
    }

    @Test
    void fallingStopsAtTheFirstLevelWhoseExitTheReadingStillMeets() {
      // 0.82 is below EMERGENCY's exit (0.90) but not below CRITICAL's (0.80): it was CRITICAL on
      // the way down, even though 0.82 alone would only be WARNING
      assertEquals(CRITICAL, memory.levelFor(0.82, EMERGENCY));
    }

    @Test
    void exitPointsAreThresholdMinusMarginWithoutFloatingNoise() {
      assertEquals(0.65, memory.exitPoint(WARNING));
      assertEquals(0.80, memory.exitPoint(CRITICAL));
      assertEquals(0.90, memory.exitPoint(EMERGENCY));
      assertEquals(0.85, memory.entryPoint(CRITICAL));
    }

    @Test
    void zeroMarginLeavesAsSoonAsTheReadingIsBelowTheThreshold() {
      ThresholdLadder sharp = ThresholdLadder.ofRatios(0.70, 0.85, 0.95, 0.0);
      assertEquals(WARNING, sharp.levelFor(0.70, WARNING));
      assertEquals(NORMAL, sharp.levelFor(0.6999, WARNING));
    }

    @Test
    void aFlappingReadingAroundAThresholdKeepsItsLevel() {
      CapacityLevel level = NORMAL;
      double[] readings = {0.71, 0.69, 0.70, 0.66, 0.71, 0.68};
      for (double reading : readings) {
        level = memory.levelFor(reading, level);
        assertEquals(WARNING, level, "after " + reading);
      }
    }
  }

  @Nested
  class SessionCounts {

    private final ThresholdLadder sessions = ThresholdLadder.ofCounts(300, 400, 450, 0.05);

    @ParameterizedTest(name = "{0} sessions from NORMAL -> {1}")
    @CsvSource({
      "0, NORMAL",
      "299, NORMAL",
      "300, WARNING",
      "399, WARNING",
      "400, CRITICAL",
      "449, CRITICAL",
      "450, EMERGENCY",
      "10000, EMERGENCY"
    })
    void risingEntersAtEachThresholdInclusive(long count, CapacityLevel expected) {
      assertEquals(expected, sessions.levelFor(count, NORMAL));
    }

    @ParameterizedTest(name = "{1} sessions from {0} -> {2}")
    @CsvSource({
      // 5 % of 300 = 15: WARNING holds down to 285
      "WARNING, 285, WARNING",
      "WARNING, 284, NORMAL",
      // 5 % of 400 = 20: CRITICAL holds down to 380
      "CRITICAL, 380, CRITICAL",
      "CRITICAL, 379, WARNING",
      // 5 % of 450 = 22.5: EMERGENCY holds down to 427.5, so 428 holds and 427 leaves
      "EMERGENCY, 428, EMERGENCY",
      "EMERGENCY, 427, CRITICAL",
      "EMERGENCY, 379, WARNING",
      "EMERGENCY, 284, NORMAL"
    })
    void fallingLeavesOnlyBelowThresholdReducedByItsMargin(
        CapacityLevel previous, long count, CapacityLevel expected) {
      assertEquals(expected, sessions.levelFor(count, previous));
    }

    @Test
    void exitPointsAreAFractionBelowEachThreshold() {
      assertEquals(285.0, sessions.exitPoint(WARNING));
      assertEquals(380.0, sessions.exitPoint(CRITICAL));
      assertEquals(427.5, sessions.exitPoint(EMERGENCY));
    }
  }

  @Test
  void thresholdsMustRise() {
    assertThrows(
        IllegalArgumentException.class, () -> ThresholdLadder.ofRatios(0.85, 0.70, 0.95, 0.05));
    assertThrows(
        IllegalArgumentException.class, () -> ThresholdLadder.ofCounts(300, 300, 450, 0.05));
    assertThrows(IllegalArgumentException.class, () -> ThresholdLadder.ofCounts(0, 1, 2, 0.05));
  }

  @Test
  void marginMustLeaveTheLowestLevelReachable() {
    assertThrows(
        IllegalArgumentException.class, () -> ThresholdLadder.ofRatios(0.70, 0.85, 0.95, 0.70));
    assertThrows(
        IllegalArgumentException.class, () -> ThresholdLadder.ofCounts(300, 400, 450, 1.0));
    assertThrows(
        IllegalArgumentException.class, () -> ThresholdLadder.ofRatios(0.70, 0.85, 0.95, -0.01));
  }

  @Test
  void describesItselfForTheStartupLog() {
    assertEquals(
        "live sessions enters at 300/400/450, leaves below 285/380/427.5",
        ThresholdLadder.ofCounts(300, 400, 450, 0.05).toString());
  }

  @Test
  void normalHasNoThreshold() {
    ThresholdLadder memory = ThresholdLadder.ofRatios(0.70, 0.85, 0.95, 0.05);
    assertThrows(IllegalArgumentException.class, () -> memory.entryPoint(NORMAL));
  }
}
