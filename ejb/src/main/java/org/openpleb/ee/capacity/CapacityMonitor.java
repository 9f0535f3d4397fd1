package org.openpleb.ee.capacity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The server's capacity watch: reads memory and the live-session count, keeps the current {@link
 * CapacityLevel}, and tells the rest of the application when it changes.
 *
 * <p>{@link CapacityCheckTimer} calls {@link #check()} every {@code CAPACITY_CHECK_INTERVAL}; tests
 * may call it directly. A check asks {@link CapacityPolicy} for the new status, publishes it (so
 * {@link #current()}, {@link #admitsNewSessions()} and {@link #sessionLifetime(Duration)} answer
 * from it at once), fires {@link CapacityLevelChanged} on a change, and then runs the relief the
 * policy asks for on every {@link CapacityActions} bean. Readers never wait for a check.
 *
 * <p>The bean is created when the application starts, because it owns the capacity gauges, and
 * MicroProfile Metrics only shows gauges of beans that exist. A {@link Clock} bean is used if the
 * application produces one, the system UTC clock otherwise.
 */
@ApplicationScoped
public class CapacityMonitor {

  private static final Logger LOG = Logger.getLogger(CapacityMonitor.class.getName());

  @Inject CapacityConfig config;

  @Inject AdjustableMemoryProbe adjustableProbe;

  @Inject Instance<LiveSessionCounter> sessionCounters;

  @Inject Instance<CapacityActions> capacityActions;

  @Inject Instance<Clock> clocks;

  @Inject Event<CapacityLevelChanged> levelChanged;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry metrics;

  private CapacitySettings settings;
  private CapacityPolicy policy;
  private MemoryProbe probe;
  private Clock clock;
  private Counter levelChanges;

  private volatile CapacityStatus status;

  // guarded by this: the count of the last check that could read it, and failure streaks so that a
  // broken source is logged once, not every ten seconds
  private long lastLiveSessions;
  private boolean memoryFailing;
  private boolean sessionsFailing;

  @PostConstruct
  void start() {
    settings = config.settings();
    policy = new CapacityPolicy(settings);
    probe =
        settings.memorySource() == MemorySource.TEST
            ? adjustableProbe
            : new SystemMemoryProbe(settings.memorySource(), settings.memoryRoot());
    clock = clocks.isResolvable() ? clocks.get() : Clock.systemUTC();
    MemoryReading first = firstReading();
    status = CapacityStatus.initial(clock.instant());
    registerMetrics();
    LOG.log(
        Level.INFO,
        "Capacity monitor reads memory from {0} ({1}, ratio now {2}); {3}; {4}; check every {5}"
            + " ms",
        new Object[] {
          first.source(),
          probe,
          ratio(first.ratio()),
          policy.memoryLadder(),
          policy.sessionLadder(),
          String.valueOf(settings.checkInterval().toMillis())
        });
  }

  /** A source that cannot be read at all is a configuration error and fails the deployment. */
  private MemoryReading firstReading() {
    try {
      return probe.read();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Capacity memory source "
              + CapacitySettings.MEMORY_SOURCE
              + "="
              + settings.memorySource().configValue()
              + " cannot be read: "
              + e.getMessage(),
          e);
    }
  }

  /** Creates the monitor with the application so its gauges are registered from the start. */
  void onApplicationStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    // the observer's only job is to make the container create this bean now
  }

  private void registerMetrics() {
    metrics.gauge(
        gauge(
            "openpleb_capacity_level",
            "Capacity level: 0 NORMAL, 1 WARNING, 2 CRITICAL, 3 EMERGENCY"),
        () -> status.level().severity());
    metrics.gauge(
        gauge(
            "openpleb_capacity_memory_ratio",
            "Memory ratio the capacity level follows (max of machine, heap)"),
        () -> status.reading().memoryRatio());
    metrics.gauge(
        gauge(
            "openpleb_capacity_memory_machine_ratio",
            "Machine memory used / limit (cgroup or meminfo)"),
        () -> status.reading().memory().machine().ratio());
    metrics.gauge(
        gauge("openpleb_capacity_memory_heap_ratio", "JVM heap used / max"),
        () -> status.reading().memory().heap().ratio());
    levelChanges =
        metrics.counter(
            Metadata.builder()
                .withName("openpleb_capacity_level_changes")
                .withDescription("Capacity level transitions, up or down")
                .withUnit(MetricUnits.NONE)
                .build());
  }

  private static Metadata gauge(String name, String description) {
    return Metadata.builder()
        .withName(name)
        .withDescription(description)
        .withUnit(MetricUnits.NONE)
        .build();
  }

  /**
   * Reads memory and sessions now, updates the level and runs the relief it calls for.
   *
   * <p>If memory cannot be read the check is skipped and the status stays as it was; if the session
   * count cannot be read the last known count stands in. Failures of event observers and relief
   * actions are logged and do not stop the check.
   *
   * @return the status after the check
   */
  public synchronized CapacityStatus check() {
    CapacityReading reading;
    try {
      reading = new CapacityReading(probe.read(), countLiveSessions(), clock.instant());
      if (memoryFailing) {
        memoryFailing = false;
        LOG.info("Capacity memory reading works again");
      }
    } catch (RuntimeException e) {
      if (!memoryFailing) {
        memoryFailing = true;
        LOG.log(Level.WARNING, "Capacity check skipped: cannot read memory with " + probe, e);
      }
      return status;
    }
    CapacityDecision decision = policy.assess(status, reading);
    status = decision.status();
    if (decision.levelChanged()) {
      levelChanges.inc();
      logChange(decision);
      publish(decision);
    }
    for (ReliefAction action : decision.actions()) {
      relieve(action);
    }
    return status;
  }

  private long countLiveSessions() {
    if (sessionCounters.isUnsatisfied()) {
      return 0;
    }
    try {
      long count = 0;
      for (Instance.Handle<LiveSessionCounter> handle : sessionCounters.handles()) {
        try {
          count = Math.max(count, handle.get().liveSessions());
        } finally {
          release(handle);
        }
      }
      lastLiveSessions = count;
      if (sessionsFailing) {
        sessionsFailing = false;
        LOG.info("Capacity live-session count works again");
      }
    } catch (RuntimeException e) {
      if (!sessionsFailing) {
        sessionsFailing = true;
        LOG.log(
            Level.WARNING,
            "Cannot count live sessions; capacity keeps the last count " + lastLiveSessions,
            e);
      }
    }
    return lastLiveSessions;
  }

  private void logChange(CapacityDecision decision) {
    CapacityStatus now = decision.status();
    Level logLevel =
        !decision.levelRose()
            ? Level.INFO
            : now.level() == CapacityLevel.WARNING ? Level.WARNING : Level.SEVERE;
    LOG.log(
        logLevel,
        "Capacity level {0} -> {1}: memory ratio {2} from {3} (memory level {4}), live sessions {5}"
            + " (session level {6}); {7}",
        new Object[] {
          decision.previous().level(),
          now.level(),
          ratio(now.memoryRatio()),
          now.reading().memory().source(),
          now.memoryLevel(),
          String.valueOf(now.liveSessions()),
          now.sessionLevel(),
          effect(now.level(), decision.levelRose())
        });
  }

  private String effect(CapacityLevel level, boolean rose) {
    return switch (level) {
      case NORMAL -> "normal operation";
      case WARNING -> rose ? "no action beyond this warning" : "sessions get their full lifetime";
      case CRITICAL ->
          "new sessions live at most "
              + settings.criticalSessionExpiry().getSeconds()
              + " s"
              + (rose ? ", cleanup runs now" : ", logins admitted again, readiness UP");
      case EMERGENCY -> "new sessions refused, idle sessions and wallets shed, readiness DOWN";
    };
  }

  private void publish(CapacityDecision decision) {
    try {
      levelChanged.fire(
          new CapacityLevelChanged(
              decision.previous().level(), decision.status().level(), decision.status().reading()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "An observer of a capacity level change failed", e);
    }
  }

  private void relieve(ReliefAction action) {
    Consumer<CapacityActions> work =
        switch (action) {
          case AGGRESSIVE_CLEANUP -> CapacityActions::aggressiveCleanup;
          case EMERGENCY_RELIEF -> CapacityActions::emergencyRelief;
        };
    for (Instance.Handle<CapacityActions> handle : capacityActions.handles()) {
      try {
        work.accept(handle.get());
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Capacity relief " + action + " failed in " + handle.getBean().getBeanClass().getName(),
            e);
      } finally {
        release(handle);
      }
    }
  }

  /** Destroys dependent instances only; destroying a normal-scoped one would end its context. */
  private static <T> void release(Instance.Handle<T> handle) {
    if (handle.getBean().getScope() == Dependent.class) {
      handle.destroy();
    }
  }

  private static String ratio(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  /** The level of the last check. */
  public CapacityLevel current() {
    return status.level();
  }

  /** The status of the last check. */
  public CapacityStatus status() {
    return status;
  }

  /** Whether a login may open a new session now (false at EMERGENCY). */
  public boolean admitsNewSessions() {
    return status.admitsNewSessions();
  }

  /**
   * The lifetime to give a session created now: {@code configured}, or the shorter {@code
   * CAPACITY_CRITICAL_SESSION_EXPIRY} at CRITICAL and EMERGENCY.
   */
  public Duration sessionLifetime(Duration configured) {
    return policy.sessionLifetime(status.level(), configured);
  }

  /** The validated capacity settings in force. */
  public CapacitySettings settings() {
    return settings;
  }

  /** The rules in force, for reports such as the admin capacity page. */
  public CapacityPolicy policy() {
    return policy;
  }
}
