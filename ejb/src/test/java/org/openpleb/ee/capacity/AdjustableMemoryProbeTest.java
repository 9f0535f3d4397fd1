package org.openpleb.ee.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdjustableMemoryProbeTest {

  private final AdjustableMemoryProbe probe = new AdjustableMemoryProbe();

  @Test
  void startsEmpty() {
    assertEquals(0.0, probe.read().ratio());
    assertEquals("test", probe.read().source());
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.70, 0.85, 0.95, 0.80, 0.65, 0.123456789, 1.0, 1.1})
  void reportsTheRatioItWasGivenExactly(double ratio) {
    probe.setRatio(ratio);
    // exactness matters: a reading of 0.85 must enter CRITICAL, not fall a hair short
    assertEquals(ratio, probe.read().ratio());
    assertFalse(probe.read().heap().known());
  }

  @Test
  void drivesThePolicyThroughEveryLevelAndBack() {
    CapacityPolicy policy = new CapacityPolicy(CapacitySettings.defaults());
    CapacityStatus status = CapacityStatus.initial(java.time.Instant.EPOCH);
    double[] ratios = {0.70, 0.85, 0.95, 0.0};
    CapacityLevel[] expected = {
      CapacityLevel.WARNING, CapacityLevel.CRITICAL, CapacityLevel.EMERGENCY, CapacityLevel.NORMAL
    };
    for (int i = 0; i < ratios.length; i++) {
      probe.setRatio(ratios[i]);
      status =
          policy
              .assess(status, new CapacityReading(probe.read(), 0, java.time.Instant.EPOCH))
              .status();
      assertEquals(expected[i], status.level(), "at " + ratios[i]);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.01, Double.NaN, Double.POSITIVE_INFINITY})
  void refusesNonsense(double ratio) {
    assertThrows(IllegalArgumentException.class, () -> probe.setRatio(ratio));
  }
}
