package org.openpleb.devmint.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mint's time: the system clock plus an offset that tests move forward to expire quotes or
 * trigger delayed payments without waiting.
 */
public final class MintClock extends Clock {

  private final Clock base;
  private final AtomicLong offsetMillis = new AtomicLong();

  public MintClock(Clock base) {
    this.base = base;
  }

  /** The system clock. */
  public static MintClock system() {
    return new MintClock(Clock.systemUTC());
  }

  /** Moves the mint's time forward. */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("time only moves forward");
    }
    offsetMillis.addAndGet(duration.toMillis());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the mint clock is always UTC");
  }

  @Override
  public long millis() {
    return base.millis() + offsetMillis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }
}
