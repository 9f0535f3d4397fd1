package org.openpleb.ee.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.ee.session.SessionDesk.CHALLENGE_TTL;
import static org.openpleb.ee.session.SessionDesk.EXPIRY;
import static org.openpleb.ee.session.SessionDesk.IDLE_LIMIT;
import static org.openpleb.ee.session.SessionDesk.TOUCH_INTERVAL;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.session.SessionSweeper.SweepResult;

/**
 * A session's life after login over fakes and a moved clock: authentication and activity, the
 * closer, the expiry sweep, challenge purging and EMERGENCY relief.
 */
class SessionLifecycleTest {

  private final SessionDesk desk = new SessionDesk();

  // ---- authentication ----

  @Test
  void aTokenResolvesToItsLiveSession() {
    SessionDesk.User alice = desk.user();
    SessionGrant grant = desk.login(alice);

    SessionPrincipal principal = desk.authentication.authenticate(grant.token()).orElseThrow();

    assertEquals(grant.sessionId(), principal.sessionId());
    assertEquals(alice.pubkey(), principal.pubkey());
  }

  @Test
  void anUnknownOrMalformedTokenResolvesToNothing() {
    desk.login(desk.user());

    assertEquals(
        Optional.empty(), desk.authentication.authenticate(SessionToken.generate().value()));
    assertEquals(Optional.empty(), desk.authentication.authenticate("not a token"));
    assertEquals(Optional.empty(), desk.authentication.authenticate(null));
  }

  @Test
  void aTokenStopsWorkingAtExpiryBeforeAnySweep() {
    SessionGrant grant = desk.login(desk.user());

    desk.advance(EXPIRY.minusMillis(1));
    assertTrue(desk.authentication.authenticate(grant.token()).isPresent());
    desk.advance(Duration.ofMillis(1));

    assertEquals(Optional.empty(), desk.authentication.authenticate(grant.token()));
    assertEquals(SessionState.LIVE, desk.sessions.row(grant.sessionId()).state());
  }

  @Test
  void aTokenStopsWorkingAtLogout() {
    SessionGrant grant = desk.login(desk.user());

    desk.login.logout(grant.sessionId());

    assertEquals(Optional.empty(), desk.authentication.authenticate(grant.token()));
  }

  @Test
  void theFirstRequestAfterLoginIsAlwaysRecorded() {
    SessionGrant grant = desk.login(desk.user());
    desk.advance(Duration.ofSeconds(1));
    OffsetDateTime at = desk.now();

    desk.authentication.authenticate(grant.token());

    assertEquals(at, desk.sessions.row(grant.sessionId()).lastSeenAt());
  }

  @Test
  void activityIsWrittenAtMostOncePerTouchInterval() {
    SessionGrant grant = desk.login(desk.user());
    desk.advance(Duration.ofSeconds(1));
    desk.authentication.authenticate(grant.token());
    OffsetDateTime firstWrite = desk.sessions.row(grant.sessionId()).lastSeenAt();

    desk.advance(TOUCH_INTERVAL.minusSeconds(1));
    desk.authentication.authenticate(grant.token());
    assertEquals(firstWrite, desk.sessions.row(grant.sessionId()).lastSeenAt());

    desk.advance(Duration.ofSeconds(2));
    OffsetDateTime later = desk.now();
    desk.authentication.authenticate(grant.token());
    assertEquals(later, desk.sessions.row(grant.sessionId()).lastSeenAt());
  }

  // ---- the closer ----

  @Test
  void theCloserClosesALiveSessionOnceAndAnnouncesItOnce() {
    String id = desk.loggedIn();

    assertTrue(desk.closer.close(id, SessionCloseReason.CAPACITY));
    assertFalse(desk.closer.close(id, SessionCloseReason.EXPIRED));

    UserSession row = desk.sessions.row(id);
    assertEquals(Optional.of(SessionCloseReason.CAPACITY), row.closeReason());
    assertEquals(1, desk.closedEvents().size());
    assertEquals(SessionCloseReason.CAPACITY, desk.closedEvents().get(0).reason());
  }

  @Test
  void theCloserDoesNotAnnounceWhenAnotherServerClosedTheSessionFirst() {
    String id = desk.loggedIn();
    SessionCloser racing = new SessionCloser();
    racing.clock = desk.clock;
    racing.transitions = desk.closer.transitions;
    racing.sessions =
        new ForwardingSessions(desk.sessions) {
          @Override
          public Optional<UserSession> find(String sessionId) {
            Optional<UserSession> seen = super.find(sessionId);
            // the other server commits its close between our read and our update
            desk.sessions.close(sessionId, SessionCloseReason.LOGGED_OUT, desk.now());
            return seen;
          }
        };

    assertFalse(racing.close(id, SessionCloseReason.EXPIRED));

    assertEquals(List.of(), desk.closedEvents());
    assertEquals(Optional.of(SessionCloseReason.LOGGED_OUT), desk.sessions.row(id).closeReason());
  }

  @Test
  void theCloserIgnoresAnUnknownSession() {
    assertFalse(desk.closer.close("no-such-session", SessionCloseReason.EXPIRED));
    assertEquals(List.of(), desk.announced);
  }

  // ---- the expiry sweep ----

  @Test
  void theSweepClosesASessionAtItsExpiryAndNotBefore() {
    String id = desk.loggedIn();

    desk.advance(EXPIRY.minusMillis(1));
    assertEquals(new SweepResult(0, 0), desk.sweeper.closeExpired());
    assertEquals(SessionState.LIVE, desk.sessions.row(id).state());

    desk.advance(Duration.ofMillis(1));
    OffsetDateTime at = desk.now();
    assertEquals(new SweepResult(1, 0), desk.sweeper.closeExpired());

    UserSession row = desk.sessions.row(id);
    assertEquals(SessionState.CLOSED, row.state());
    assertEquals(Optional.of(SessionCloseReason.EXPIRED), row.closeReason());
    assertEquals(Optional.of(at), row.closedAt());
    assertEquals(
        List.of(new SessionClosed(id, row.pubkey(), row.walletId(), SessionCloseReason.EXPIRED)),
        desk.closedEvents());
  }

  @Test
  void theSweepClosesOnlyExpiredSessions() {
    String old = desk.loggedIn();
    desk.advance(Duration.ofSeconds(10));
    String young = desk.loggedIn();

    desk.advance(EXPIRY.minusSeconds(5));
    desk.sweeper.closeExpired();

    assertEquals(SessionState.CLOSED, desk.sessions.row(old).state());
    assertEquals(SessionState.LIVE, desk.sessions.row(young).state());
  }

  @Test
  void aSecondSweepClosesNothingMore() {
    desk.loggedIn();
    desk.loggedIn();
    desk.advance(EXPIRY);

    assertEquals(new SweepResult(2, 0), desk.sweeper.closeExpired());
    assertEquals(new SweepResult(0, 0), desk.sweeper.closeExpired());
    assertEquals(2, desk.closedEvents().size());
  }

  @Test
  void theSweepWorksThroughMoreThanOneBatch() {
    int count = SessionSweeper.BATCH * 2 + 7;
    for (int i = 0; i < count; i++) {
      desk.sessions.add(UserSession.open(hex(i, 'a'), hex(i, 'b'), desk.now(), EXPIRY));
    }
    desk.advance(EXPIRY);

    assertEquals(new SweepResult(count, 0), desk.sweeper.closeExpired());
    assertEquals(0, desk.sessions.countLive(desk.now().minus(EXPIRY)));
  }

  @Test
  void aSessionThatCannotBeClosedIsCountedAndTheOthersAreClosed() {
    String broken = desk.loggedIn();
    String fine = desk.loggedIn();
    SessionCloser real = desk.closer;
    desk.sweeper.closer =
        new SessionCloser() {
          @Override
          public boolean close(String sessionId, SessionCloseReason reason) {
            if (sessionId.equals(broken)) {
              throw new IllegalStateException("database hiccup");
            }
            return real.close(sessionId, reason);
          }
        };
    desk.advance(EXPIRY);

    assertEquals(new SweepResult(1, 1), desk.sweeper.closeExpired());
    assertEquals(SessionState.LIVE, desk.sessions.row(broken).state());
    assertEquals(SessionState.CLOSED, desk.sessions.row(fine).state());

    desk.sweeper.closer = real;
    assertEquals(new SweepResult(1, 0), desk.sweeper.closeExpired());
  }

  @Test
  void aSweepWhereEveryCloseFailsStopsAfterOneBatch() {
    int count = SessionSweeper.BATCH + 1;
    for (int i = 0; i < count; i++) {
      desk.sessions.add(UserSession.open(hex(i, 'a'), hex(i, 'b'), desk.now(), EXPIRY));
    }
    desk.sweeper.closer =
        new SessionCloser() {
          @Override
          public boolean close(String sessionId, SessionCloseReason reason) {
            // no stack trace: the sweep logs each of its BATCH failures
            throw new RuntimeException("database down", null, false, false) {};
          }
        };
    desk.advance(EXPIRY);

    // the sweep logs each failure; two hundred warnings would bury the build log
    Logger log = Logger.getLogger(SessionSweeper.class.getName());
    Level level = log.getLevel();
    log.setLevel(Level.SEVERE);
    SweepResult result;
    try {
      result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> desk.sweeper.closeExpired());
    } finally {
      log.setLevel(level);
    }

    assertEquals(new SweepResult(0, SessionSweeper.BATCH), result);
    assertEquals(count, desk.sessions.findExpiredIds(desk.now(), count + 1).size());
  }

  @Test
  void theExpirySweepClosesASessionInATradeToo() {
    String id = desk.loggedIn();
    desk.inTrade.add(id);
    desk.funded.add(id);
    desk.advance(EXPIRY);

    assertEquals(new SweepResult(1, 0), desk.sweeper.closeExpired());
    assertEquals(SessionState.CLOSED, desk.sessions.row(id).state());
  }

  @Test
  void theSweepKeepsExpiredChallengesForOneMoreLifetimeThenDeletesThem() {
    IssuedChallenge old = desk.login.issueChallenge();
    desk.advance(Duration.ofSeconds(10));
    IssuedChallenge newer = desk.login.issueChallenge();

    desk.advance(CHALLENGE_TTL.multipliedBy(2).minusSeconds(10));
    desk.sweeper.closeExpired();
    assertTrue(desk.challenges.find(old.challenge()).isPresent(), "expired exactly one TTL ago");

    desk.advance(Duration.ofMillis(1));
    desk.sweeper.closeExpired();
    assertEquals(Optional.empty(), desk.challenges.find(old.challenge()));
    assertTrue(desk.challenges.find(newer.challenge()).isPresent());
  }

  @Test
  void aLateReplayOfAUsedChallengeIsStillToldUsedUntilThePurge() {
    SessionDesk.User alice = desk.user();
    IssuedChallenge issued = desk.login.issueChallenge();
    String signature = alice.sign(issued.challenge());
    desk.login.login(alice.pubkey(), issued.challenge(), signature);
    desk.advance(CHALLENGE_TTL.plusSeconds(1));
    desk.sweeper.closeExpired();

    LoginRefusedException refused =
        assertThrows(
            LoginRefusedException.class,
            () -> desk.login.login(alice.pubkey(), issued.challenge(), signature));

    assertEquals(LoginRefusal.CHALLENGE_USED, refused.refusal());
  }

  // ---- EMERGENCY relief ----

  @Test
  void reliefClosesUnusedSessionsFirstNewestFirstAndLeavesUsedOnes() {
    String used = desk.loggedIn();
    desk.advance(Duration.ofSeconds(1));
    String unusedOld = desk.loggedIn();
    desk.advance(Duration.ofSeconds(1));
    String unusedNew = desk.loggedIn();
    desk.sessions.setLastSeen(used, desk.now());
    desk.advance(IDLE_LIMIT.plusSeconds(1));

    SweepResult result = desk.sweeper.closeIdle();

    assertEquals(new SweepResult(2, 0), result);
    assertEquals(List.of(unusedNew, unusedOld), closedIds());
    assertTrue(
        desk.closedEvents().stream().allMatch(e -> e.reason() == SessionCloseReason.CAPACITY));
    assertEquals(SessionState.LIVE, desk.sessions.row(used).state(), "next tier waits a check");

    assertEquals(new SweepResult(1, 0), desk.sweeper.closeIdle());
    assertEquals(List.of(unusedNew, unusedOld, used), closedIds());
  }

  @Test
  void reliefClosesIdleSessionsLeastRecentlySeenFirstAndSparesActiveOnes() {
    String a = desk.loggedIn();
    String b = desk.loggedIn();
    String active = desk.loggedIn();
    desk.sessions.setLastSeen(b, desk.now().plusSeconds(1));
    desk.sessions.setLastSeen(a, desk.now().plusSeconds(2));
    desk.advance(IDLE_LIMIT.plusSeconds(5));
    desk.sessions.setLastSeen(active, desk.now());

    assertEquals(new SweepResult(2, 0), desk.sweeper.closeIdle());

    assertEquals(List.of(b, a), closedIds());
    assertEquals(SessionState.LIVE, desk.sessions.row(active).state());
  }

  @Test
  void aSessionSeenJustInsideTheIdleLimitIsNotIdle() {
    String id = desk.loggedIn();
    desk.sessions.setLastSeen(id, desk.now().plusSeconds(1));
    desk.advance(IDLE_LIMIT.plusSeconds(1));

    assertEquals(new SweepResult(0, 0), desk.sweeper.closeIdle());
    assertEquals(SessionState.LIVE, desk.sessions.row(id).state());
  }

  @Test
  void reliefNeverClosesASessionInATrade() {
    String trading = desk.loggedIn();
    String tradingIdle = desk.loggedIn();
    desk.sessions.setLastSeen(tradingIdle, desk.now().plusSeconds(1));
    desk.inTrade.add(trading);
    desk.inTrade.add(tradingIdle);
    desk.funded.add(tradingIdle);
    desk.advance(IDLE_LIMIT.multipliedBy(2));

    assertEquals(new SweepResult(0, 0), desk.sweeper.closeIdle());
    assertEquals(new SweepResult(0, 0), desk.sweeper.closeIdle());
    assertEquals(List.of(), desk.closedEvents());
  }

  @Test
  void fundedSessionsAreClosedOnlyOnceNoEmptyOneIsLeft() {
    String fundedUnused = desk.loggedIn();
    String fundedIdle = desk.loggedIn();
    String emptyIdle = desk.loggedIn();
    desk.funded.add(fundedUnused);
    desk.funded.add(fundedIdle);
    desk.sessions.setLastSeen(fundedIdle, desk.now().plusSeconds(1));
    desk.sessions.setLastSeen(emptyIdle, desk.now().plusSeconds(2));
    desk.advance(IDLE_LIMIT.plusSeconds(10));

    desk.sweeper.closeIdle();
    assertEquals(List.of(emptyIdle), closedIds());

    desk.sweeper.closeIdle();
    // an unused funded session counts as idle since its login
    assertEquals(List.of(emptyIdle, fundedUnused, fundedIdle), closedIds());
  }

  @Test
  void aFailingBalanceCheckCountsTheSessionAsFunded() {
    String id = desk.loggedIn();
    desk.sweeper.holdings =
        new SessionDesk.Beans<SessionHoldings>(
            List.of(
                (sessionId, pubkey, walletId) -> {
                  throw new IllegalStateException("wallet unreachable");
                }));

    assertEquals(new SweepResult(0, 0), desk.sweeper.closeIdle(), "not unused-and-empty");
    desk.advance(IDLE_LIMIT.plusSeconds(1));
    assertEquals(new SweepResult(1, 0), desk.sweeper.closeIdle(), "idle with a balance");
    assertEquals(List.of(id), closedIds());
  }

  @Test
  void aFailingTradeCheckKeepsTheSession() {
    desk.loggedIn();
    desk.sweeper.tradeChecks =
        new SessionDesk.Beans<OpenTradeCheck>(
            List.of(
                (sessionId, pubkey, walletId) -> {
                  throw new IllegalStateException("offers unreachable");
                }));
    desk.advance(IDLE_LIMIT.multipliedBy(2));

    assertEquals(new SweepResult(0, 0), desk.sweeper.closeIdle());
    assertEquals(List.of(), desk.closedEvents());
  }

  @Test
  void withoutTradeOrBalanceChecksEverySessionCountsAsEmptyAndFree() {
    String id = desk.loggedIn();
    desk.sweeper.tradeChecks = new SessionDesk.Beans<OpenTradeCheck>(List.of());
    desk.sweeper.holdings = new SessionDesk.Beans<SessionHoldings>(List.of());

    assertEquals(new SweepResult(1, 0), desk.sweeper.closeIdle());
    assertEquals(List.of(id), closedIds());
  }

  @Test
  void reliefDoesNotCloseExpiredSessions() {
    String id = desk.loggedIn();
    desk.advance(EXPIRY);

    assertEquals(new SweepResult(0, 0), desk.sweeper.closeIdle());
    assertEquals(SessionState.LIVE, desk.sessions.row(id).state(), "left to the expiry sweep");
  }

  @Test
  void reliefWorksThroughMoreThanOneBatchOfUnusedSessions() {
    int count = SessionSweeper.BATCH + 3;
    for (int i = 0; i < count; i++) {
      desk.sessions.add(UserSession.open(hex(i, 'a'), hex(i, 'b'), desk.now(), EXPIRY));
    }

    assertEquals(new SweepResult(count, 0), desk.sweeper.closeIdle());
    assertEquals(0, desk.sessions.countLive(desk.now()));
  }

  @Test
  void capacityReliefSweepsAtCriticalAndClosesIdleAtEmergency() {
    SessionCapacityRelief relief = new SessionCapacityRelief();
    relief.sweeper = desk.sweeper;
    String expiring = desk.loggedIn();
    desk.advance(Duration.ofSeconds(10));
    String unused = desk.loggedIn();
    desk.advance(EXPIRY.minusSeconds(5));

    relief.aggressiveCleanup();
    assertEquals(List.of(expiring), closedIds());

    relief.emergencyRelief();
    assertEquals(List.of(expiring, unused), closedIds());
    assertEquals(
        List.of(SessionCloseReason.EXPIRED, SessionCloseReason.CAPACITY),
        desk.closedEvents().stream().map(SessionClosed::reason).toList());
  }

  private List<String> closedIds() {
    return desk.closedEvents().stream().map(SessionClosed::sessionId).toList();
  }

  /** 64 hex characters unique to {@code i}, starting with {@code first}. */
  private static String hex(int i, char first) {
    return first + String.format("%063x", i);
  }

  /** A repository that hands every call to another, for tests that step in between. */
  private static class ForwardingSessions implements SessionRepository {

    private final SessionRepository to;

    ForwardingSessions(SessionRepository to) {
      this.to = to;
    }

    @Override
    public void add(UserSession session) {
      to.add(session);
    }

    @Override
    public Optional<UserSession> find(String id) {
      return to.find(id);
    }

    @Override
    public Optional<UserSession> findLiveByTokenHash(String tokenHash, OffsetDateTime now) {
      return to.findLiveByTokenHash(tokenHash, now);
    }

    @Override
    public long countLive(OffsetDateTime now) {
      return to.countLive(now);
    }

    @Override
    public void lockAdmission() {
      to.lockAdmission();
    }

    @Override
    public boolean close(String id, SessionCloseReason reason, OffsetDateTime now) {
      return to.close(id, reason, now);
    }

    @Override
    public List<String> findExpiredIds(OffsetDateTime now, int max) {
      return new ArrayList<>(to.findExpiredIds(now, max));
    }

    @Override
    public List<UserSession> findIdle(OffsetDateTime idleSince, OffsetDateTime now, int max) {
      return to.findIdle(idleSince, now, max);
    }

    @Override
    public List<UserSession> findUnused(OffsetDateTime now, int max) {
      return to.findUnused(now, max);
    }

    @Override
    public boolean touch(String id, OffsetDateTime now, OffsetDateTime notBefore) {
      return to.touch(id, now, notBefore);
    }
  }
}
