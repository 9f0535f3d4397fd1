package org.openpleb.ee.capacity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness from the capacity point of view: DOWN at EMERGENCY, so a load balancer sends new users
 * to another server while this one sheds load; UP at every other level.
 *
 * <p>It reports the level of the last check and never reads memory itself, so a probe storm cannot
 * add load. Data: {@code level}, {@code memoryRatio} (three decimals), {@code memorySource}. The
 * number of live sessions is left out: health is often reachable by anyone, and how many users are
 * online is the admin's business ({@code GET /api/admin/capacity}).
 *
 * <p>Payara serves {@code /health} before the application has started. Until the application's
 * start event has created the {@link CapacityMonitor} on the deploying thread, the check answers
 * DOWN with {@code reason: starting} and does not touch the monitor: creating it from a probe's
 * request thread fails (the metric registry it needs is bound to the deployment). It never throws
 * either; a failure to read the status is DOWN with the failure's class as the reason.
 */
@Readiness
@ApplicationScoped
public class CapacityReadinessCheck implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(CapacityReadinessCheck.class.getName());

  @Inject CapacityMonitor monitor;

  private volatile boolean started;

  /**
   * Creates the monitor on the deploying thread (if nothing did before) and opens the check.
   *
   * @param event the application scope's start
   */
  void onApplicationStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    monitor.status();
    started = true;
  }

  @Override
  public HealthCheckResponse call() {
    if (!started) {
      return response(false, Map.of("reason", "starting"));
    }
    CapacityStatus status;
    try {
      status = monitor.status();
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "Capacity readiness cannot read the capacity status: {0}", e.toString());
      return response(false, Map.of("reason", e.getClass().getSimpleName()));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("level", status.level().name());
    data.put("memoryRatio", String.format(Locale.ROOT, "%.3f", status.memoryRatio()));
    data.put("memorySource", status.reading().memory().source());
    return response(status.level() != CapacityLevel.EMERGENCY, data);
  }

  // Built directly rather than through the SPI builder, so the check works the same in unit tests.
  private static HealthCheckResponse response(boolean up, Map<String, Object> data) {
    return new HealthCheckResponse(
        "capacity",
        up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
        Optional.of(data));
  }
}
