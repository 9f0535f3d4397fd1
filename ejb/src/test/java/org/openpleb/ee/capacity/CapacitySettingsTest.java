package org.openpleb.ee.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CapacitySettingsTest {

  private static CapacitySettings with(String key, String value) {
    Map<String, String> values = new HashMap<>(CapacitySettings.DEFAULTS);
    values.put(key, value);
    return CapacitySettings.parse(values);
  }

  @Test
  void defaultsAreTheCapacityAnalysisFigures() {
    CapacitySettings settings = CapacitySettings.defaults();
    assertEquals(0.70, settings.memoryWarning());
    assertEquals(0.85, settings.memoryCritical());
    assertEquals(0.95, settings.memoryEmergency());
    assertEquals(300, settings.sessionsWarning());
    assertEquals(400, settings.sessionsCritical());
    assertEquals(450, settings.sessionsEmergency());
    assertEquals(Duration.ofSeconds(10), settings.checkInterval());
    assertEquals(0.05, settings.hysteresis());
    assertEquals(Duration.ofMinutes(15), settings.criticalSessionExpiry());
    assertEquals(MemorySource.AUTO, settings.memorySource());
    assertEquals(Path.of("/"), settings.memoryRoot());
  }

  @Test
  void missingOrBlankValuesTakeTheirDefault() {
    assertEquals(CapacitySettings.defaults(), CapacitySettings.parse(Map.of()));
    assertEquals(0.85, with(CapacitySettings.MEMORY_CRITICAL, "  ").memoryCritical());
  }

  @Test
  void valuesOverrideDefaultsAndAreTrimmed() {
    CapacitySettings settings =
        CapacitySettings.parse(
            Map.of(
                CapacitySettings.SESSIONS_WARNING, " 3 ",
                CapacitySettings.SESSIONS_CRITICAL, "4",
                CapacitySettings.SESSIONS_EMERGENCY, "5",
                CapacitySettings.CHECK_INTERVAL, "250",
                CapacitySettings.CRITICAL_SESSION_EXPIRY, "60",
                CapacitySettings.MEMORY_SOURCE, "MemInfo",
                CapacitySettings.MEMORY_ROOT, "/tmp/fake"));
    assertEquals(3, settings.sessionsWarning());
    assertEquals(5, settings.sessionsEmergency());
    assertEquals(Duration.ofMillis(250), settings.checkInterval());
    assertEquals(Duration.ofSeconds(60), settings.criticalSessionExpiry());
    assertEquals(MemorySource.MEMINFO, settings.memorySource());
    assertEquals(Path.of("/tmp/fake"), settings.memoryRoot());
  }

  @Test
  void environmentNamesFollowMicroProfileConfigMapping() {
    assertEquals("CAPACITY_MEMORY_WARNING", CapacitySettings.envName("capacity.memory.warning"));
    assertEquals(
        "CAPACITY_CRITICAL_SESSION_EXPIRY",
        CapacitySettings.envName(CapacitySettings.CRITICAL_SESSION_EXPIRY));
  }

  @ParameterizedTest(name = "{0}={1} is refused naming {2}")
  @CsvSource({
    // ratios must lie in (0, 1]
    "capacity.memory.warning, 0, CAPACITY_MEMORY_WARNING",
    "capacity.memory.warning, -0.1, CAPACITY_MEMORY_WARNING",
    "capacity.memory.emergency, 1.01, CAPACITY_MEMORY_EMERGENCY",
    "capacity.memory.critical, NaN, CAPACITY_MEMORY_CRITICAL",
    // ordering warning < critical < emergency
    "capacity.memory.critical, 0.70, CAPACITY_MEMORY_CRITICAL",
    "capacity.memory.critical, 0.60, CAPACITY_MEMORY_CRITICAL",
    "capacity.memory.emergency, 0.85, CAPACITY_MEMORY_EMERGENCY",
    "capacity.memory.warning, 0.90, CAPACITY_MEMORY_CRITICAL",
    "capacity.sessions.warning, 0, CAPACITY_SESSIONS_WARNING",
    "capacity.sessions.critical, 300, CAPACITY_SESSIONS_CRITICAL",
    "capacity.sessions.emergency, 399, CAPACITY_SESSIONS_EMERGENCY",
    "capacity.sessions.warning, 500, CAPACITY_SESSIONS_CRITICAL",
    // the rest
    "capacity.check.interval, 0, CAPACITY_CHECK_INTERVAL",
    "capacity.hysteresis, -0.01, CAPACITY_HYSTERESIS",
    "capacity.hysteresis, 0.70, CAPACITY_HYSTERESIS",
    "capacity.critical.session.expiry, 0, CAPACITY_CRITICAL_SESSION_EXPIRY",
    // malformed text
    "capacity.memory.warning, seventy, CAPACITY_MEMORY_WARNING",
    "capacity.sessions.warning, 300.5, CAPACITY_SESSIONS_WARNING",
    "capacity.check.interval, 10s, CAPACITY_CHECK_INTERVAL",
    "capacity.memory.source, swap, CAPACITY_MEMORY_SOURCE"
  })
  void invalidValuesAreRefusedNamingTheKey(String key, String value, String namedEnv) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> with(key, value));
    assertTrue(e.getMessage().contains(namedEnv), e.getMessage());
    String namedKey = namedEnv.toLowerCase().replace('_', '.');
    assertTrue(e.getMessage().contains(namedKey), e.getMessage());
  }

  @Test
  void anOrderingComplaintNamesBothKeysAndValues() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> with(CapacitySettings.MEMORY_CRITICAL, "0.6"));
    assertEquals(
        "Invalid capacity setting CAPACITY_MEMORY_CRITICAL (capacity.memory.critical) = 0.6:"
            + " must be above CAPACITY_MEMORY_WARNING (capacity.memory.warning) = 0.7",
        e.getMessage());
  }

  @Test
  void everyKeyHasADefault() {
    assertEquals(11, CapacitySettings.DEFAULTS.size());
    for (String key : CapacitySettings.DEFAULTS.keySet()) {
      assertTrue(key.startsWith("capacity."), key);
    }
  }
}
