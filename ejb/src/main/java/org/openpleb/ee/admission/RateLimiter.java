package org.openpleb.ee.admission;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Token buckets per client address for one {@link RateLimit}, in memory and bounded.
 *
 * <p>A bucket is kept as one number, the instant (in {@link System#nanoTime()} terms) at which it
 * would be full again: taking a token moves it forward by one token's time, and a bucket whose
 * instant is in the past is full. Taking is a compare-and-set on that number, so requests of
 * different addresses never wait for each other and there is no lock at all.
 *
 * <p>The table holds at most {@code maxTracked} addresses. A full bucket says nothing a fresh one
 * would not, so when the table is full the full buckets are dropped (at most once per second, so a
 * table of busy addresses is not scanned on every request). If it is still full, an address not in
 * the table is counted under one shared overflow bucket: an attacker with more addresses than the
 * table holds slows down everyone it shares that bucket with, itself included, but grows no memory.
 */
public final class RateLimiter {

  /** The shared key of addresses that found the table full. */
  static final String OVERFLOW_KEY = "overflow";

  private static final long SWEEP_EVERY_NANOS = 1_000_000_000L;

  /** The most time a bucket can owe, far from overflowing a long when added to the clock. */
  private static final long MAX_DEBT_NANOS = Long.MAX_VALUE / 4;

  private final RateLimit limit;
  private final int maxTracked;
  private final LongSupplier nanoClock;
  private final long nanosPerToken;
  private final long burstNanos;
  private final ConcurrentHashMap<String, AtomicLong> buckets = new ConcurrentHashMap<>();
  private final AtomicLong overflow = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong lastSweep = new AtomicLong(Long.MIN_VALUE);

  /**
   * Creates an empty limiter.
   *
   * @param limit the bucket shape
   * @param maxTracked the most addresses kept in the table, at least 1
   * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime} in production)
   */
  public RateLimiter(RateLimit limit, int maxTracked, LongSupplier nanoClock) {
    if (maxTracked < 1) {
      throw new IllegalArgumentException("maxTracked must be at least 1");
    }
    this.limit = limit;
    this.maxTracked = maxTracked;
    this.nanoClock = nanoClock;
    this.nanosPerToken = limit.nanosPerToken();
    // saturate instead of overflowing: a bucket that large is as good as no limit anyway
    this.burstNanos =
        limit.burst() > MAX_DEBT_NANOS / nanosPerToken
            ? MAX_DEBT_NANOS
            : nanosPerToken * limit.burst();
  }

  /**
   * Takes one token for {@code key}.
   *
   * @return empty when the request may go ahead, else how long until a token is available
   */
  public Optional<Duration> tryAcquire(String key) {
    long now = nanoClock.getAsLong();
    return take(bucketOf(key, now), now);
  }

  private AtomicLong bucketOf(String key, long now) {
    AtomicLong bucket = buckets.get(key);
    if (bucket != null) {
      return bucket;
    }
    if (buckets.size() >= maxTracked) {
      dropFullBuckets(now);
      if (buckets.size() >= maxTracked) {
        return overflow;
      }
    }
    // a race may let a few more than maxTracked in at once; the next sweep takes them out again
    return buckets.computeIfAbsent(key, k -> new AtomicLong(Long.MIN_VALUE));
  }

  private Optional<Duration> take(AtomicLong bucket, long now) {
    while (true) {
      long fullAt = bucket.get();
      // a bucket full since before now starts from now; comparisons by difference survive overflow
      long start = fullAt == Long.MIN_VALUE || fullAt - now < 0 ? now : fullAt;
      long next = start + nanosPerToken;
      long debt = next - now;
      if (debt > burstNanos) {
        long waitNanos = debt - burstNanos;
        return Optional.of(Duration.ofNanos(waitNanos));
      }
      if (bucket.compareAndSet(fullAt, next)) {
        return Optional.empty();
      }
    }
  }

  private void dropFullBuckets(long now) {
    long last = lastSweep.get();
    if (last != Long.MIN_VALUE && now - last < SWEEP_EVERY_NANOS) {
      return;
    }
    if (!lastSweep.compareAndSet(last, now)) {
      return;
    }
    for (Iterator<Map.Entry<String, AtomicLong>> it = buckets.entrySet().iterator();
        it.hasNext(); ) {
      long fullAt = it.next().getValue().get();
      if (fullAt == Long.MIN_VALUE || fullAt - now <= 0) {
        it.remove();
      }
    }
  }

  /** How many addresses the table holds now. */
  public int tracked() {
    return buckets.size();
  }

  /** The bucket shape. */
  public RateLimit limit() {
    return limit;
  }
}
