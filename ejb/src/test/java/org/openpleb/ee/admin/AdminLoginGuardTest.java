package org.openpleb.ee.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.openpleb.ee.admission.RetryLaterException;
import org.openpleb.ee.platform.ProblemCode;

class AdminLoginGuardTest {

  private static AdminLoginGuard guard(int permits) {
    AdminConfig config = new AdminConfig();
    config.backoffMaxSeconds = 900;
    config.userBackoffMaxSeconds = 60;
    config.hashPermits = permits;
    AdminLoginGuard guard = new AdminLoginGuard();
    guard.config = config;
    guard.create();
    return guard;
  }

  @Test
  void anAddressThatKeepsFailingIsToldToWaitBeforeAnyHashing() {
    AdminLoginGuard guard = guard(2);
    for (int i = 0; i < 4; i++) {
      guard.admit("203.0.113.7", false);
      guard.failed("203.0.113.7", false);
    }
    RetryLaterException refused =
        assertThrows(RetryLaterException.class, () -> guard.admit("203.0.113.7", false));
    assertEquals(ProblemCode.TOO_MANY_REQUESTS, refused.code());
    assertEquals(1, refused.retryAfterSeconds());
    guard.admit("198.51.100.1", true); // another address, and the user was never named
  }

  @Test
  void failuresForTheConfiguredUserBackOffFromEveryAddress() {
    AdminLoginGuard guard = guard(2);
    for (int i = 0; i < 4; i++) {
      guard.failed("10.0.0." + i, true);
    }
    assertThrows(RetryLaterException.class, () -> guard.admit("198.51.100.1", true));
    guard.admit("198.51.100.1", false); // a wrong user name is not held up by the user's backoff
  }

  @Test
  void aSuccessClearsTheBackoff() {
    AdminLoginGuard guard = guard(2);
    for (int i = 0; i < 5; i++) {
      guard.failed("203.0.113.7", true);
    }
    guard.succeeded("203.0.113.7");
    guard.admit("203.0.113.7", true);
  }

  @Test
  void hashingBeyondThePermitsIsRefusedWithoutWaitingLong() {
    AdminLoginGuard guard = guard(1);
    guard.acquireHashing();
    RetryLaterException busy = assertThrows(RetryLaterException.class, guard::acquireHashing);
    assertEquals(ProblemCode.SERVICE_UNAVAILABLE, busy.code());
    guard.releaseHashing();
    guard.acquireHashing();
    guard.releaseHashing();
  }
}
