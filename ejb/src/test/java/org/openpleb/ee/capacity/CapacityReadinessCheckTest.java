package org.openpleb.ee.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class CapacityReadinessCheckTest {

  /** A monitor whose status fails like the real one does when created off the deploying thread. */
  private static final class FailingMonitor extends CapacityMonitor {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public CapacityStatus status() {
      calls.incrementAndGet();
      throw new NullPointerException("no metric registry for this thread");
    }
  }

  private static final class FixedMonitor extends CapacityMonitor {
    @Override
    public CapacityStatus status() {
      return CapacityStatus.initial(Instant.parse("2026-01-01T00:00:00Z"));
    }
  }

  private static Optional<Object> data(HealthCheckResponse response, String key) {
    return response.getData().map(data -> data.get(key));
  }

  @Test
  void beforeTheApplicationStartedItIsDownAndLeavesTheMonitorAlone() {
    CapacityReadinessCheck check = new CapacityReadinessCheck();
    FailingMonitor monitor = new FailingMonitor();
    check.monitor = monitor;

    HealthCheckResponse response = check.call();

    assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
    assertEquals(Optional.of("starting"), data(response, "reason"));
    assertEquals(0, monitor.calls.get(), "a probe during deployment must not create the monitor");
  }

  @Test
  void afterTheStartItReportsTheLevel() {
    CapacityReadinessCheck check = new CapacityReadinessCheck();
    check.monitor = new FixedMonitor();
    check.onApplicationStart(new Object());

    HealthCheckResponse response = check.call();

    assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
    assertEquals(Optional.of("NORMAL"), data(response, "level"));
  }

  @Test
  void aFailingMonitorMakesItDownNotAnException() {
    CapacityReadinessCheck check = new CapacityReadinessCheck();
    check.monitor = new FixedMonitor();
    check.onApplicationStart(new Object());
    check.monitor = new FailingMonitor();

    HealthCheckResponse response = check.call();

    assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
    assertEquals(Optional.of("NullPointerException"), data(response, "reason"));
    assertFalse(data(response, "level").isPresent());
  }
}
