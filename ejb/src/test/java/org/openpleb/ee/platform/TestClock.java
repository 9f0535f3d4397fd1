package org.openpleb.ee.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves by hand, so deadlines and backoffs are tested without sleeping. */
public final class TestClock extends Clock {

  private volatile Instant now;

  /** A clock standing at {@code start}. */
  public TestClock(Instant start) {
    this.now = start;
  }

  /** Moves the clock forward by {@code by}. */
  public void advance(Duration by) {
    now = now.plus(by);
  }

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
    return now;
  }
}
