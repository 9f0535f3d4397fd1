package org.openpleb.ee.admin;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Exponential backoff after failed logins, per key (a client address, or the admin user name): the
 * first {@link #FREE_FAILURES} failures in a row cost nothing (typos), every further one doubles
 * the wait before the next attempt, from one second up to a maximum. A success clears the key; a
 * key whose last failure is older than the maximum starts over.
 *
 * <p>The table is bounded like the rate limits': when full, keys that no longer block are dropped,
 * and if it is still full new keys share one overflow entry. Updates are per key ({@link
 * ConcurrentHashMap#compute}), so there is no global lock.
 */
final class LoginBackoff {

  /** Failures in a row that are free. */
  static final int FREE_FAILURES = 3;

  static final String OVERFLOW_KEY = "overflow";

  private final long maxNanos;
  private final int maxTracked;
  private final LongSupplier nanoClock;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  /** One key's failures in a row, until when it is blocked, and when it last failed. */
  private record Entry(int failures, long blockedUntil, long lastFailure) {}

  LoginBackoff(Duration max, int maxTracked, LongSupplier nanoClock) {
    this.maxNanos = max.toNanos();
    this.maxTracked = maxTracked;
    this.nanoClock = nanoClock;
  }

  /** How long {@code key} must still wait, or empty when it may try now. */
  Optional<Duration> blocked(String key) {
    Entry entry = entries.get(key);
    if (entry == null && entries.size() >= maxTracked) {
      entry = entries.get(OVERFLOW_KEY);
    }
    long now = nanoClock.getAsLong();
    if (entry == null || entry.blockedUntil - now <= 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos(entry.blockedUntil - now));
  }

  /** Records a failed attempt of {@code key}. */
  void failed(String key) {
    long now = nanoClock.getAsLong();
    String slot = key;
    if (!entries.containsKey(key) && entries.size() >= maxTracked) {
      dropStale(now);
      if (entries.size() >= maxTracked) {
        slot = OVERFLOW_KEY;
      }
    }
    entries.compute(
        slot,
        (k, old) -> {
          int failures = old == null || now - old.lastFailure > maxNanos ? 1 : old.failures + 1;
          long wait = failures <= FREE_FAILURES ? 0 : waitNanos(failures - FREE_FAILURES);
          return new Entry(failures, now + wait, now);
        });
  }

  /** Clears {@code key} after a successful login. */
  void succeeded(String key) {
    entries.remove(key);
  }

  /** How many keys are tracked. */
  int tracked() {
    return entries.size();
  }

  private long waitNanos(int doublings) {
    long wait = 1_000_000_000L;
    for (int i = 1; i < doublings && wait < maxNanos; i++) {
      wait *= 2;
    }
    return Math.min(wait, maxNanos);
  }

  private void dropStale(long now) {
    for (Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
      Entry entry = it.next().getValue();
      if (entry.blockedUntil - now <= 0 && now - entry.lastFailure > maxNanos) {
        it.remove();
      }
    }
  }
}
