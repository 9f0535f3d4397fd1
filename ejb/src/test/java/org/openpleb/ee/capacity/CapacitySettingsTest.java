package org.openpleb.ee.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
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

  @ParameterizedTest(name = "{0}={1} is refused naming {2}")
  @CsvSource({
    // ratios must lie in (0, 1]
    "CAPACITY_MEMORY_WARNING, 0, CAPACITY_MEMORY_WARNING",
    "CAPACITY_MEMORY_WARNING, -0.1, CAPACITY_MEMORY_WARNING",
    "CAPACITY_MEMORY_EMERGENCY, 1.01, CAPACITY_MEMORY_EMERGENCY",
    "CAPACITY_MEMORY_CRITICAL, NaN, CAPACITY_MEMORY_CRITICAL",
    // ordering warning < critical < emergency
    "CAPACITY_MEMORY_CRITICAL, 0.70, CAPACITY_MEMORY_CRITICAL",
    "CAPACITY_MEMORY_CRITICAL, 0.60, CAPACITY_MEMORY_CRITICAL",
    "CAPACITY_MEMORY_EMERGENCY, 0.85, CAPACITY_MEMORY_EMERGENCY",
    "CAPACITY_MEMORY_WARNING, 0.90, CAPACITY_MEMORY_CRITICAL",
    "CAPACITY_SESSIONS_WARNING, 0, CAPACITY_SESSIONS_WARNING",
    "CAPACITY_SESSIONS_CRITICAL, 300, CAPACITY_SESSIONS_CRITICAL",
    "CAPACITY_SESSIONS_EMERGENCY, 399, CAPACITY_SESSIONS_EMERGENCY",
    "CAPACITY_SESSIONS_WARNING, 500, CAPACITY_SESSIONS_CRITICAL",
    // the rest
    "CAPACITY_CHECK_INTERVAL, 0, CAPACITY_CHECK_INTERVAL",
    "CAPACITY_HYSTERESIS, -0.01, CAPACITY_HYSTERESIS",
    "CAPACITY_HYSTERESIS, 0.70, CAPACITY_HYSTERESIS",
    "CAPACITY_CRITICAL_SESSION_EXPIRY, 0, CAPACITY_CRITICAL_SESSION_EXPIRY",
    // malformed text
    "CAPACITY_MEMORY_WARNING, seventy, CAPACITY_MEMORY_WARNING",
    "CAPACITY_SESSIONS_WARNING, 300.5, CAPACITY_SESSIONS_WARNING",
    "CAPACITY_CHECK_INTERVAL, 10s, CAPACITY_CHECK_INTERVAL",
    "CAPACITY_MEMORY_SOURCE, swap, CAPACITY_MEMORY_SOURCE"
  })
  void invalidValuesAreRefusedNamingTheKey(String key, String value, String namedKey) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> with(key, value));
    assertTrue(
        e.getMessage().startsWith("Invalid capacity setting " + namedKey + " = "), e.getMessage());
  }

  @Test
  void anOrderingComplaintNamesBothKeysAndValues() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> with(CapacitySettings.MEMORY_CRITICAL, "0.6"));
    assertEquals(
        "Invalid capacity setting CAPACITY_MEMORY_CRITICAL = 0.6:"
            + " must be above CAPACITY_MEMORY_WARNING = 0.7",
        e.getMessage());
  }

  @Test
  void everyKeyHasADefault() {
    assertEquals(11, CapacitySettings.DEFAULTS.size());
    for (String key : CapacitySettings.DEFAULTS.keySet()) {
      assertTrue(key.startsWith("CAPACITY_"), key);
    }
  }

  @Test
  void theShippedDefaultsAreTheseDefaults() throws IOException {
    Properties shipped = new Properties();
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
      shipped.load(in);
    }
    Map<String, String> capacity = new HashMap<>();
    for (String key : shipped.stringPropertyNames()) {
      if (key.startsWith("CAPACITY_")) {
        capacity.put(key, shipped.getProperty(key));
      }
    }
    assertEquals(CapacitySettings.DEFAULTS, capacity);
    assertEquals(CapacitySettings.defaults(), CapacitySettings.parse(capacity));
  }
}
