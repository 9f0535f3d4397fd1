package org.openpleb.ee.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

  private RateLimiter limiter(int burst, long perMinute, int tracked) {
    return new RateLimiter(new RateLimit(burst, perMinute), tracked, now::get);
  }

  @Test
  void anAddressGetsItsBurstThenWaitsForOneTokenTime() {
    RateLimiter limiter = limiter(3, 6, 100); // a token every 10 s
    for (int i = 0; i < 3; i++) {
      assertTrue(limiter.tryAcquire("a").isEmpty(), "request " + i);
    }
    Optional<Duration> wait = limiter.tryAcquire("a");
    assertEquals(Optional.of(Duration.ofSeconds(10)), wait);
    assertEquals(10, RetryLaterException.retryAfterSeconds(wait.get()));

    now.addAndGet(Duration.ofSeconds(4).toNanos());
    assertEquals(Optional.of(Duration.ofSeconds(6)), limiter.tryAcquire("a"));
    now.addAndGet(Duration.ofSeconds(6).toNanos());
    assertTrue(limiter.tryAcquire("a").isEmpty());
    assertTrue(limiter.tryAcquire("a").isPresent());
  }

  @Test
  void addressesDoNotShareBuckets() {
    RateLimiter limiter = limiter(1, 1, 100);
    assertTrue(limiter.tryAcquire("a").isEmpty());
    assertTrue(limiter.tryAcquire("a").isPresent());
    assertTrue(limiter.tryAcquire("b").isEmpty());
  }

  @Test
  void aLongPauseRefillsOnlyUpToTheBurst() {
    RateLimiter limiter = limiter(2, 60, 100);
    now.addAndGet(Duration.ofHours(5).toNanos());
    assertTrue(limiter.tryAcquire("a").isEmpty());
    assertTrue(limiter.tryAcquire("a").isEmpty());
    assertTrue(limiter.tryAcquire("a").isPresent());
  }

  @Test
  void aThousandRequestsInTenSecondsGetTheBurstAndTheRefillOnly() {
    RateLimiter limiter = limiter(10, 2, 100);
    int allowed = 0;
    for (int i = 0; i < 1000; i++) {
      if (limiter.tryAcquire("flood").isEmpty()) {
        allowed++;
      }
      now.addAndGet(Duration.ofMillis(10).toNanos());
    }
    assertEquals(10, allowed);
  }

  @Test
  void manyAddressesNeverGrowTheTablePastItsCap() {
    RateLimiter limiter = limiter(1, 1, 50);
    int refused = 0;
    for (int i = 0; i < 10_000; i++) {
      if (limiter.tryAcquire("10.0." + (i / 256) + "." + (i % 256)).isPresent()) {
        refused++;
      }
    }
    assertTrue(limiter.tracked() <= 50, "tracked " + limiter.tracked());
    // past the cap, new addresses share one bucket of one token: nearly all of them are refused
    assertTrue(refused >= 10_000 - 51, "refused " + refused);
  }

  @Test
  void fullBucketsAreForgottenToMakeRoom() {
    RateLimiter limiter = limiter(1, 60, 2);
    assertTrue(limiter.tryAcquire("a").isEmpty());
    assertTrue(limiter.tryAcquire("b").isEmpty());
    now.addAndGet(Duration.ofSeconds(2).toNanos());
    assertTrue(limiter.tryAcquire("c").isEmpty(), "a and b are full again and make room");
    assertTrue(limiter.tracked() <= 2);
  }

  @Test
  void concurrentRequestsOfOneAddressNeverExceedTheBurst() {
    RateLimiter limiter = limiter(100, 1, 10);
    AtomicInteger allowed = new AtomicInteger();
    IntStream.range(0, 5_000)
        .parallel()
        .forEach(
            i -> {
              if (limiter.tryAcquire("a").isEmpty()) {
                allowed.incrementAndGet();
              }
            });
    assertEquals(100, allowed.get());
  }

  @Test
  void theLargestSettingsDoNotOverflow() {
    RateLimiter slow = limiter(Integer.MAX_VALUE, 1, 10);
    for (int i = 0; i < 1000; i++) {
      assertTrue(slow.tryAcquire("a").isEmpty());
    }
    RateLimiter fast = limiter(1, Long.MAX_VALUE, 10);
    assertTrue(fast.tryAcquire("a").isEmpty());
  }
}
