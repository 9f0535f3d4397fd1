package org.openpleb.ee.capacity;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The validated capacity configuration: thresholds, check period, hysteresis, the shortened session
 * lifetime and where memory is read from.
 *
 * <p>Every invalid value is refused with a message naming the environment variable and the property
 * key to fix, so a bad deployment fails at startup rather than misbehaving under load.
 *
 * @param memoryWarning memory ratio that enters WARNING, in (0, 1]
 * @param memoryCritical memory ratio that enters CRITICAL, above warning
 * @param memoryEmergency memory ratio that enters EMERGENCY, above critical
 * @param sessionsWarning live sessions that enter WARNING, at least 1
 * @param sessionsCritical live sessions that enter CRITICAL, above warning
 * @param sessionsEmergency live sessions that enter EMERGENCY, above critical
 * @param checkInterval time between two capacity checks
 * @param hysteresis margin below a threshold before its level is left: absolute for the memory
 *     ratio, a fraction of each threshold for sessions; in [0, memoryWarning)
 * @param criticalSessionExpiry lifetime of sessions created at CRITICAL or worse
 * @param memorySource where the machine memory is read
 * @param memoryRoot file-system root below which cgroup and meminfo files are read
 */
public record CapacitySettings(
    double memoryWarning,
    double memoryCritical,
    double memoryEmergency,
    long sessionsWarning,
    long sessionsCritical,
    long sessionsEmergency,
    Duration checkInterval,
    double hysteresis,
    Duration criticalSessionExpiry,
    MemorySource memorySource,
    Path memoryRoot) {

  public static final String MEMORY_WARNING = "CAPACITY_MEMORY_WARNING";
  public static final String MEMORY_CRITICAL = "CAPACITY_MEMORY_CRITICAL";
  public static final String MEMORY_EMERGENCY = "CAPACITY_MEMORY_EMERGENCY";
  public static final String SESSIONS_WARNING = "CAPACITY_SESSIONS_WARNING";
  public static final String SESSIONS_CRITICAL = "CAPACITY_SESSIONS_CRITICAL";
  public static final String SESSIONS_EMERGENCY = "CAPACITY_SESSIONS_EMERGENCY";
  public static final String CHECK_INTERVAL = "CAPACITY_CHECK_INTERVAL";
  public static final String HYSTERESIS = "CAPACITY_HYSTERESIS";
  public static final String CRITICAL_SESSION_EXPIRY = "CAPACITY_CRITICAL_SESSION_EXPIRY";
  public static final String MEMORY_SOURCE = "CAPACITY_MEMORY_SOURCE";
  public static final String MEMORY_ROOT = "CAPACITY_MEMORY_ROOT";

  /** The defaults, as text the way configuration delivers them. */
  public static final Map<String, String> DEFAULTS =
      Map.ofEntries(
          Map.entry(MEMORY_WARNING, "0.70"),
          Map.entry(MEMORY_CRITICAL, "0.85"),
          Map.entry(MEMORY_EMERGENCY, "0.95"),
          Map.entry(SESSIONS_WARNING, "300"),
          Map.entry(SESSIONS_CRITICAL, "400"),
          Map.entry(SESSIONS_EMERGENCY, "450"),
          Map.entry(CHECK_INTERVAL, "10000"),
          Map.entry(HYSTERESIS, "0.05"),
          Map.entry(CRITICAL_SESSION_EXPIRY, "900"),
          Map.entry(MEMORY_SOURCE, "auto"),
          Map.entry(MEMORY_ROOT, "/"));

  public CapacitySettings {
    Objects.requireNonNull(checkInterval, CHECK_INTERVAL);
    Objects.requireNonNull(criticalSessionExpiry, CRITICAL_SESSION_EXPIRY);
    Objects.requireNonNull(memorySource, MEMORY_SOURCE);
    Objects.requireNonNull(memoryRoot, MEMORY_ROOT);
    requireRatio(MEMORY_WARNING, memoryWarning);
    requireRatio(MEMORY_CRITICAL, memoryCritical);
    requireRatio(MEMORY_EMERGENCY, memoryEmergency);
    requireAbove(MEMORY_CRITICAL, memoryCritical, MEMORY_WARNING, memoryWarning);
    requireAbove(MEMORY_EMERGENCY, memoryEmergency, MEMORY_CRITICAL, memoryCritical);
    if (sessionsWarning < 1) {
      throw invalid(SESSIONS_WARNING, sessionsWarning, "must be at least 1");
    }
    requireAbove(SESSIONS_CRITICAL, sessionsCritical, SESSIONS_WARNING, sessionsWarning);
    requireAbove(SESSIONS_EMERGENCY, sessionsEmergency, SESSIONS_CRITICAL, sessionsCritical);
    if (checkInterval.toMillis() < 1) {
      throw invalid(CHECK_INTERVAL, checkInterval.toMillis(), "must be at least 1 ms");
    }
    if (!(hysteresis >= 0) || hysteresis >= memoryWarning) {
      // a margin as large as the warning threshold would keep WARNING forever
      throw invalid(
          HYSTERESIS,
          hysteresis,
          "must be >= 0 and below " + describe(MEMORY_WARNING, memoryWarning));
    }
    if (criticalSessionExpiry.getSeconds() < 1) {
      throw invalid(CRITICAL_SESSION_EXPIRY, criticalSessionExpiry.getSeconds(), "must be >= 1 s");
    }
  }

  /** The default settings. */
  public static CapacitySettings defaults() {
    return parse(DEFAULTS);
  }

  /**
   * Settings from configuration text: decimal ratios, whole session counts, the check interval in
   * milliseconds, the critical session expiry in seconds, a memory source name and a root path.
   * Keys absent from {@code values} take their {@link #DEFAULTS}.
   *
   * @throws IllegalArgumentException naming the key of the first value that is malformed or out of
   *     range
   */
  public static CapacitySettings parse(Map<String, String> values) {
    TextSource text = new TextSource(values);
    return new CapacitySettings(
        text.ratio(MEMORY_WARNING),
        text.ratio(MEMORY_CRITICAL),
        text.ratio(MEMORY_EMERGENCY),
        text.whole(SESSIONS_WARNING),
        text.whole(SESSIONS_CRITICAL),
        text.whole(SESSIONS_EMERGENCY),
        Duration.ofMillis(text.whole(CHECK_INTERVAL)),
        text.ratio(HYSTERESIS),
        Duration.ofSeconds(text.whole(CRITICAL_SESSION_EXPIRY)),
        text.source(MEMORY_SOURCE),
        text.path(MEMORY_ROOT));
  }

  private static String describe(String key, Object value) {
    return key + " = " + value;
  }

  private static IllegalArgumentException invalid(String key, Object value, String rule) {
    return new IllegalArgumentException(
        "Invalid capacity setting " + describe(key, value) + ": " + rule);
  }

  private static void requireRatio(String key, double value) {
    if (!(value > 0 && value <= 1)) {
      throw invalid(key, value, "must be a ratio in (0, 1]");
    }
  }

  private static void requireAbove(String key, double value, String lowerKey, double lower) {
    if (!(value > lower)) {
      throw invalid(key, value, "must be above " + describe(lowerKey, lower));
    }
  }

  private static void requireAbove(String key, long value, String lowerKey, long lower) {
    if (value <= lower) {
      throw invalid(key, value, "must be above " + describe(lowerKey, lower));
    }
  }

  /** Reads and converts text values, naming the key in every complaint. */
  private record TextSource(Map<String, String> values) {

    String text(String key) {
      String value = values.get(key);
      if (value == null || value.isBlank()) {
        value = DEFAULTS.get(key);
      }
      return value.trim();
    }

    double ratio(String key) {
      String value = text(key);
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw invalid(key, "'" + value + "'", "not a decimal number");
      }
    }

    long whole(String key) {
      String value = text(key);
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw invalid(key, "'" + value + "'", "not a whole number");
      }
    }

    MemorySource source(String key) {
      String value = text(key);
      try {
        return MemorySource.parse(value);
      } catch (IllegalArgumentException e) {
        throw invalid(key, "'" + value + "'", "expected auto, cgroup, meminfo, heap or test");
      }
    }

    Path path(String key) {
      String value = text(key);
      try {
        return Path.of(value);
      } catch (InvalidPathException e) {
        throw invalid(key, "'" + value + "'", "not a path");
      }
    }
  }
}
