package org.openpleb.ee.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The live-sessions gauge reads the shared repository and survives its failure. */
class SessionMetricsTest {

  private final SessionDesk desk = new SessionDesk();
  private final SessionMetrics metrics = new SessionMetrics();

  SessionMetricsTest() {
    metrics.sessions = desk.sessions;
    metrics.clock = desk.clock;
  }

  @Test
  void theGaugeCountsSessionsLiveNow() {
    String closed = desk.loggedIn();
    desk.loggedIn();
    desk.advance(SessionDesk.EXPIRY.minusSeconds(1));
    desk.loggedIn();
    desk.login.logout(closed);

    assertEquals(2, metrics.liveSessions());
    desk.advance(Duration.ofSeconds(1));
    assertEquals(1, metrics.liveSessions(), "the first two are past their expiry");
  }

  @Test
  void theGaugeIsMinusOneWhileTheDatabaseCannotBeAsked() {
    metrics.sessions =
        new InMemorySessionRepository() {
          @Override
          public synchronized long countLive(OffsetDateTime now) {
            throw new IllegalStateException("database down");
          }
        };

    assertEquals(-1, metrics.liveSessions());
  }
}
