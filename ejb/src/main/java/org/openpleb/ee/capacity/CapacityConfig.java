package org.openpleb.ee.capacity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpleb.ee.platform.ConfigCheck;
import org.openpleb.ee.platform.SettingsRule;

/**
 * The capacity configuration as MicroProfile Config delivers it, checked as a settings rule at
 * startup so that invalid values fail the deployment naming the key.
 *
 * <p>Each key is also the environment variable that overrides it ({@code CAPACITY_MEMORY_WARNING});
 * the defaults are in {@code META-INF/microprofile-config.properties} and equal {@link
 * CapacitySettings#DEFAULTS}. Values are injected as text and converted by {@link
 * CapacitySettings#parse}, which names the offending key; a converter failure inside the container
 * would not.
 */
@ApplicationScoped
public class CapacityConfig implements SettingsRule {

  @Inject
  @ConfigProperty(name = CapacitySettings.MEMORY_WARNING)
  String memoryWarning;

  @Inject
  @ConfigProperty(name = CapacitySettings.MEMORY_CRITICAL)
  String memoryCritical;

  @Inject
  @ConfigProperty(name = CapacitySettings.MEMORY_EMERGENCY)
  String memoryEmergency;

  @Inject
  @ConfigProperty(name = CapacitySettings.SESSIONS_WARNING)
  String sessionsWarning;

  @Inject
  @ConfigProperty(name = CapacitySettings.SESSIONS_CRITICAL)
  String sessionsCritical;

  @Inject
  @ConfigProperty(name = CapacitySettings.SESSIONS_EMERGENCY)
  String sessionsEmergency;

  /** Milliseconds between checks. */
  @Inject
  @ConfigProperty(name = CapacitySettings.CHECK_INTERVAL)
  String checkInterval;

  @Inject
  @ConfigProperty(name = CapacitySettings.HYSTERESIS)
  String hysteresis;

  /** Seconds a session created at CRITICAL or worse may live. */
  @Inject
  @ConfigProperty(name = CapacitySettings.CRITICAL_SESSION_EXPIRY)
  String criticalSessionExpiry;

  @Inject
  @ConfigProperty(name = CapacitySettings.MEMORY_SOURCE)
  String memorySource;

  @Inject
  @ConfigProperty(name = CapacitySettings.MEMORY_ROOT)
  String memoryRoot;

  private volatile CapacitySettings settings;

  /**
   * Declares the capacity rules: {@link CapacitySettings} refuses the first value that is malformed
   * or out of range, naming its key.
   */
  @Override
  public void declare(ConfigCheck check) {
    try {
      settings();
    } catch (IllegalArgumentException e) {
      check.violation(e.getMessage());
    }
  }

  /**
   * The validated settings.
   *
   * @throws IllegalArgumentException naming the key of an invalid value (the startup check has
   *     refused the deployment before anything else reads them)
   */
  public CapacitySettings settings() {
    CapacitySettings parsed = settings;
    if (parsed == null) {
      parsed = parse();
      settings = parsed;
    }
    return parsed;
  }

  private CapacitySettings parse() {
    Map<String, String> values = new HashMap<>();
    values.put(CapacitySettings.MEMORY_WARNING, memoryWarning);
    values.put(CapacitySettings.MEMORY_CRITICAL, memoryCritical);
    values.put(CapacitySettings.MEMORY_EMERGENCY, memoryEmergency);
    values.put(CapacitySettings.SESSIONS_WARNING, sessionsWarning);
    values.put(CapacitySettings.SESSIONS_CRITICAL, sessionsCritical);
    values.put(CapacitySettings.SESSIONS_EMERGENCY, sessionsEmergency);
    values.put(CapacitySettings.CHECK_INTERVAL, checkInterval);
    values.put(CapacitySettings.HYSTERESIS, hysteresis);
    values.put(CapacitySettings.CRITICAL_SESSION_EXPIRY, criticalSessionExpiry);
    values.put(CapacitySettings.MEMORY_SOURCE, memorySource);
    values.put(CapacitySettings.MEMORY_ROOT, memoryRoot);
    return CapacitySettings.parse(values);
  }
}
