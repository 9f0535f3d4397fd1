package org.openpleb.ee.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.platform.ProblemCode;

/**
 * Who gets an event stream: anonymous streams have their own cap below the total, so signed-in
 * users always find a slot; one address or one session cannot take a shared cap alone.
 */
class StreamAdmissionTest {

  private static final Duration RETRY = Duration.ofSeconds(30);

  @Test
  void aFullAnonymousCapLeavesTheReserveToSignedInStreams() {
    StreamAdmission admission = new StreamAdmission(new StreamAdmission.Caps(10, 6, 100, 5, RETRY));
    for (int i = 0; i < 6; i++) {
      admission.admit("198.51.100." + i, null);
    }

    EventStreamLimitException refused =
        assertThrows(EventStreamLimitException.class, () -> admission.admit("203.0.113.9", null));
    assertEquals(ProblemCode.EVENT_STREAM_LIMIT, refused.code());
    assertEquals(503, refused.code().status());
    assertEquals(RETRY, refused.retryAfter().orElseThrow());

    for (int i = 0; i < 4; i++) {
      admission.admit("198.51.100.1", "session-" + i);
    }
    assertEquals(10, admission.total());
    assertEquals(6, admission.anonymous());
    assertEquals(
        ProblemCode.EVENT_STREAM_LIMIT,
        assertThrows(EventStreamLimitException.class, () -> admission.admit("x", "session-9"))
            .code());
  }

  @Test
  void oneAddressGetsAtMostItsShareOfAnonymousStreams() {
    StreamAdmission admission = new StreamAdmission(new StreamAdmission.Caps(100, 50, 3, 5, RETRY));
    for (int i = 0; i < 3; i++) {
      admission.admit("2001:db8:0:1", null);
    }

    EventStreamLimitException refused =
        assertThrows(EventStreamLimitException.class, () -> admission.admit("2001:db8:0:1", null));
    assertEquals(ProblemCode.TOO_MANY_REQUESTS, refused.code());
    assertEquals(429, refused.code().status());
    assertEquals(RETRY, refused.retryAfter().orElseThrow());

    // other addresses, and the same address signed in, are not affected
    admission.admit("198.51.100.7", null);
    admission.admit("2001:db8:0:1", "alice-session");
    assertEquals(5, admission.total());
  }

  @Test
  void oneSessionGetsAtMostItsShareOfStreams() {
    StreamAdmission admission =
        new StreamAdmission(new StreamAdmission.Caps(100, 50, 10, 2, RETRY));
    admission.admit("198.51.100.1", "alice-session");
    admission.admit("198.51.100.2", "alice-session");

    EventStreamLimitException refused =
        assertThrows(
            EventStreamLimitException.class,
            () -> admission.admit("198.51.100.3", "alice-session"));
    assertEquals(ProblemCode.TOO_MANY_REQUESTS, refused.code());

    admission.admit("198.51.100.3", "bob-session");
    assertEquals(3, admission.total());
  }

  @Test
  void releasedSlotsAreFreeAgainAndAReleaseCountsOnce() {
    StreamAdmission admission = new StreamAdmission(new StreamAdmission.Caps(3, 2, 1, 1, RETRY));
    StreamAdmission.Ticket anonymous = admission.admit("198.51.100.1", null);
    StreamAdmission.Ticket signedIn = admission.admit("198.51.100.1", "alice-session");

    admission.release(anonymous);
    admission.release(anonymous);
    admission.release(signedIn);

    assertEquals(0, admission.total());
    assertEquals(0, admission.anonymous());
    admission.admit("198.51.100.1", null);
    admission.admit("198.51.100.1", "alice-session");
    admission.admit("198.51.100.2", null);
    assertEquals(3, admission.total());
  }

  @Test
  void anAnonymousCapAboveTheTotalIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new StreamAdmission.Caps(5, 6, 1, 1, RETRY));
    assertThrows(IllegalArgumentException.class, () -> new StreamAdmission.Caps(5, 4, 0, 1, RETRY));
  }
}
