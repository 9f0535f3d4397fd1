package org.openpleb.ee.capacity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The capacity configuration as MicroProfile Config delivers it, checked once when the bean is
 * created so that invalid values fail the deployment.
 *
 * <p>Each key is also the environment variable that overrides it ({@code CAPACITY_MEMORY_WARNING});
 * the defaults are in {@code META-INF/microprofile-config.properties} and equal {@link
 * CapacitySettings#DEFAULTS}. Values are injected as text and converted by {@link
 * CapacitySettings#parse}, which names the offending key; a converter failure inside the container
 * would not.
 */
@ApplicationScoped
public class CapacityConfig {

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

  private CapacitySettings settings;

  @PostConstruct
  void validate() {
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
    settings = CapacitySettings.parse(values);
  }

  /** The validated settings. */
  public CapacitySettings settings() {
    return settings;
  }
}
