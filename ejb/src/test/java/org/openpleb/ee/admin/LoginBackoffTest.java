package org.openpleb.ee.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginBackoffTest {

  private final AtomicLong now = new AtomicLong(5_000_000_000_000L);

  private LoginBackoff backoff(Duration max, int tracked) {
    return new LoginBackoff(max, tracked, now::get);
  }

  private void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  @Test
  void threeFailuresAreFreeThenTheWaitDoublesUpToTheMaximum() {
    LoginBackoff backoff = backoff(Duration.ofSeconds(10), 100);
    for (int i = 0; i < 3; i++) {
      backoff.failed("a");
      assertEquals(Optional.empty(), backoff.blocked("a"), "failure " + (i + 1) + " is free");
    }
    long[] expected = {1, 2, 4, 8, 10, 10};
    for (long seconds : expected) {
      backoff.failed("a");
      assertEquals(Optional.of(Duration.ofSeconds(seconds)), backoff.blocked("a"));
      advance(Duration.ofSeconds(seconds));
      assertEquals(Optional.empty(), backoff.blocked("a"));
    }
    assertEquals(Optional.empty(), backoff.blocked("b"), "another key is not affected");
  }

  @Test
  void aSuccessClearsTheKey() {
    LoginBackoff backoff = backoff(Duration.ofMinutes(15), 100);
    for (int i = 0; i < 5; i++) {
      backoff.failed("a");
    }
    assertTrue(backoff.blocked("a").isPresent());
    backoff.succeeded("a");
    assertEquals(Optional.empty(), backoff.blocked("a"));
    backoff.failed("a");
    assertEquals(Optional.empty(), backoff.blocked("a"), "counting starts over");
  }

  @Test
  void failuresLongAgoStartOver() {
    LoginBackoff backoff = backoff(Duration.ofSeconds(60), 100);
    for (int i = 0; i < 4; i++) {
      backoff.failed("a");
    }
    advance(Duration.ofMinutes(5));
    backoff.failed("a");
    assertEquals(Optional.empty(), backoff.blocked("a"));
  }

  @Test
  void manyAddressesShareOneEntryOnceTheTableIsFull() {
    LoginBackoff backoff = backoff(Duration.ofSeconds(60), 10);
    for (int i = 0; i < 1000; i++) {
      for (int k = 0; k < 4; k++) {
        backoff.failed("10.0.0." + i);
      }
    }
    assertTrue(backoff.tracked() <= 11, "tracked " + backoff.tracked());
    assertTrue(backoff.blocked("192.168.1.1").isPresent(), "an unknown address shares overflow");
  }
}
