package org.openpleb.ee.web.offer;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test-only: the platform's clock, moved forward by hand ({@link ClockTestSupport}) so an IT lets a
 * deadline pass without sleeping. It replaces {@code ClockProducer} as an enabled alternative in
 * the archives it is deployed into (never ROOT.war); until moved it tells system UTC time.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class MovableClock {

  private static final AtomicReference<Duration> AHEAD = new AtomicReference<>(Duration.ZERO);

  /** System UTC time plus however far the clock was moved. */
  @Produces
  public Clock clock() {
    return new Ahead();
  }

  /** Moves every injected clock forward by {@code by}. */
  static void advance(Duration by) {
    AHEAD.accumulateAndGet(by, Duration::plus);
  }

  /** How far the clock was moved. */
  static Duration ahead() {
    return AHEAD.get();
  }

  /** Reads the offset at every instant, so a clock injected before a move moves too. */
  private static final class Ahead extends Clock {

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(AHEAD.get());
    }
  }
}
