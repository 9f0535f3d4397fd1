package org.openpleb.ee.admission;

/**
 * One token bucket's shape: an address may send {@code burst} requests at once, and earns one more
 * every {@code 60 / perMinute} seconds up to {@code burst} again.
 *
 * @param burst the bucket size, at least 1
 * @param perMinute the refill rate in requests per minute, at least 1
 */
public record RateLimit(int burst, long perMinute) {

  public RateLimit {
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1");
    }
    if (perMinute < 1) {
      throw new IllegalArgumentException("perMinute must be at least 1");
    }
  }

  /** Nanoseconds it takes to earn one request. */
  long nanosPerToken() {
    return Math.max(1, 60_000_000_000L / perMinute);
  }
}
