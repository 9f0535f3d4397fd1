package org.openpleb.ee.capacity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
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
 */
@Readiness
@ApplicationScoped
public class CapacityReadinessCheck implements HealthCheck {

  @Inject CapacityMonitor monitor;

  @Override
  public HealthCheckResponse call() {
    CapacityStatus status = monitor.status();
    return HealthCheckResponse.named("capacity")
        .status(status.level() != CapacityLevel.EMERGENCY)
        .withData("level", status.level().name())
        .withData("memoryRatio", String.format(Locale.ROOT, "%.3f", status.memoryRatio()))
        .withData("memorySource", status.reading().memory().source())
        .build();
  }
}
