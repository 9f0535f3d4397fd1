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
 * <p>Every key is overridable by its environment variable (dots become underscores, letters
 * capitals: {@code CAPACITY_MEMORY_WARNING}). Values are injected as text and converted by {@link
 * CapacitySettings#parse}, which names the offending key; a converter failure inside the container
 * would not. The defaults here equal {@link CapacitySettings#DEFAULTS}.
 */
@ApplicationScoped
public class CapacityConfig {

  @Inject
  @ConfigProperty(name = CapacitySettings.MEMORY_WARNING, defaultValue = "0.70")
  String memoryWarning;

  @Inject
  @ConfigProperty(name = CapacitySettings.MEMORY_CRITICAL, defaultValue = "0.85")
  String memoryCritical;

  @Inject
  @ConfigProperty(name = CapacitySettings.MEMORY_EMERGENCY, defaultValue = "0.95")
  String memoryEmergency;

  @Inject
  @ConfigProperty(name = CapacitySettings.SESSIONS_WARNING, defaultValue = "300")
  String sessionsWarning;

  @Inject
  @ConfigProperty(name = CapacitySettings.SESSIONS_CRITICAL, defaultValue = "400")
  String sessionsCritical;

  @Inject
  @ConfigProperty(name = CapacitySettings.SESSIONS_EMERGENCY, defaultValue = "450")
  String sessionsEmergency;

  /** Milliseconds between checks. */
  @Inject
  @ConfigProperty(name = CapacitySettings.CHECK_INTERVAL, defaultValue = "10000")
  String checkInterval;

  @Inject
  @ConfigProperty(name = CapacitySettings.HYSTERESIS, defaultValue = "0.05")
  String hysteresis;

  /** Seconds a session created at CRITICAL or worse may live. */
  @Inject
  @ConfigProperty(name = CapacitySettings.CRITICAL_SESSION_EXPIRY, defaultValue = "900")
  String criticalSessionExpiry;

  @Inject
  @ConfigProperty(name = CapacitySettings.MEMORY_SOURCE, defaultValue = "auto")
  String memorySource;

  @Inject
  @ConfigProperty(name = CapacitySettings.MEMORY_ROOT, defaultValue = "/")
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
