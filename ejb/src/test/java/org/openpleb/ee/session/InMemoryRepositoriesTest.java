package org.openpleb.ee.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The fakes keep the contracts of the JPA repositories the session tests stand on: compare-and-set
 * updates, detached reads, unique keys and the query filters.
 */
class InMemoryRepositoriesTest {

  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T10:00:00Z");
  private static final Duration LIFE = Duration.ofHours(1);

  private final InMemorySessionRepository sessions = new InMemorySessionRepository();
  private final InMemoryLoginChallengeRepository challenges =
      new InMemoryLoginChallengeRepository();

  private UserSession open(int i, OffsetDateTime at) {
    UserSession session = UserSession.open("a".repeat(63) + i, "b".repeat(63) + i, at, LIFE);
    sessions.add(session);
    return session;
  }

  @Test
  void aReadIsACopyThatLaterUpdatesDoNotChange() {
    String id = open(1, T0).id();
    UserSession before = sessions.find(id).orElseThrow();

    sessions.close(id, SessionCloseReason.EXPIRED, T0.plusSeconds(1));
    before.touch(T0.plusSeconds(5));

    assertEquals(SessionState.LIVE, before.state());
    assertEquals(SessionState.CLOSED, sessions.find(id).orElseThrow().state());
    assertEquals(T0, sessions.find(id).orElseThrow().lastSeenAt(), "no write through a read");
  }

  @Test
  void closeIsACompareAndSetOnLive() {
    String id = open(1, T0).id();

    assertTrue(sessions.close(id, SessionCloseReason.LOGGED_OUT, T0.plusSeconds(1)));
    assertFalse(sessions.close(id, SessionCloseReason.EXPIRED, T0.plusSeconds(2)));
    assertFalse(sessions.close("missing", SessionCloseReason.EXPIRED, T0));

    UserSession row = sessions.find(id).orElseThrow();
    assertEquals(Optional.of(SessionCloseReason.LOGGED_OUT), row.closeReason());
    assertEquals(Optional.of(T0.plusSeconds(1)), row.closedAt());
  }

  @Test
  void idsAndTokenHashesAreUnique() {
    UserSession first = open(1, T0);

    assertThrows(IllegalStateException.class, () -> sessions.add(first));
    assertThrows(
        IllegalStateException.class,
        () -> sessions.add(UserSession.open("c".repeat(64), first.tokenHash(), T0, LIFE)));
  }

  @Test
  void liveMeansNotClosedAndBeforeExpiry() {
    UserSession a = open(1, T0);
    UserSession b = open(2, T0);
    sessions.close(b.id(), SessionCloseReason.LOGGED_OUT, T0);

    assertEquals(1, sessions.countLive(T0));
    assertTrue(sessions.findLiveByTokenHash(a.tokenHash(), T0).isPresent());
    assertEquals(Optional.empty(), sessions.findLiveByTokenHash(b.tokenHash(), T0));
    assertEquals(0, sessions.countLive(T0.plus(LIFE)));
    assertEquals(Optional.empty(), sessions.findLiveByTokenHash(a.tokenHash(), T0.plus(LIFE)));
  }

  @Test
  void expiredIdsAreLiveRowsAtOrPastExpiryOldestFirstUpToMax() {
    String later = open(1, T0.plusSeconds(5)).id();
    String earlier = open(2, T0).id();
    String closed = open(3, T0).id();
    sessions.close(closed, SessionCloseReason.LOGGED_OUT, T0);

    assertEquals(List.of(), sessions.findExpiredIds(T0.plus(LIFE).minusNanos(1), 10));
    assertEquals(List.of(earlier), sessions.findExpiredIds(T0.plus(LIFE), 10));
    assertEquals(List.of(earlier, later), sessions.findExpiredIds(T0.plus(LIFE).plusDays(1), 10));
    assertEquals(List.of(earlier), sessions.findExpiredIds(T0.plus(LIFE).plusDays(1), 1));
  }

  @Test
  void touchWritesTheFirstActivityAndThenOncePerInterval() {
    String id = open(1, T0).id();

    assertTrue(sessions.touch(id, T0.plusSeconds(1), T0.minusSeconds(59)), "first activity");
    assertFalse(sessions.touch(id, T0.plusSeconds(2), T0.minusSeconds(58)), "within interval");
    assertTrue(sessions.touch(id, T0.plusSeconds(70), T0.plusSeconds(10)), "after interval");
    assertEquals(T0.plusSeconds(70), sessions.find(id).orElseThrow().lastSeenAt());

    sessions.close(id, SessionCloseReason.LOGGED_OUT, T0.plusSeconds(80));
    assertFalse(sessions.touch(id, T0.plusSeconds(500), T0.plusSeconds(440)), "closed");
  }

  @Test
  void unusedAreNewestFirstAndIdleLeastRecentFirst() {
    String old = open(1, T0).id();
    String young = open(2, T0.plusSeconds(1)).id();
    String used = open(3, T0).id();
    sessions.touch(used, T0.plusSeconds(3), T0);
    sessions.touch(young, T0.plusSeconds(2), T0);
    OffsetDateTime now = T0.plusSeconds(10);

    assertEquals(List.of(old), ids(sessions.findUnused(now, 10)));
    assertEquals(List.of(old, young, used), ids(sessions.findIdle(now, now, 10)));
    assertEquals(List.of(old), ids(sessions.findIdle(T0.plusSeconds(2), now, 10)));
    assertEquals(List.of(), ids(sessions.findIdle(now, T0.plus(LIFE).plusSeconds(1), 10)));
  }

  @Test
  void consumeIsACompareAndSetOnUnusedAndUnexpired() {
    LoginChallenge challenge = LoginChallenge.issue(T0, Duration.ofSeconds(60));
    challenges.add(challenge);

    assertFalse(challenges.consume("f".repeat(64), T0));
    assertTrue(challenges.consume(challenge.challenge(), T0.plusSeconds(1)));
    assertFalse(challenges.consume(challenge.challenge(), T0.plusSeconds(2)));
    assertEquals(
        Optional.of(T0.plusSeconds(1)),
        challenges.find(challenge.challenge()).orElseThrow().usedAt());
    assertEquals(Optional.empty(), challenge.usedAt(), "the caller's object is not the row");
  }

  @Test
  void anExpiredChallengeCannotBeConsumed() {
    LoginChallenge challenge = LoginChallenge.issue(T0, Duration.ofSeconds(60));
    challenges.add(challenge);

    assertFalse(challenges.consume(challenge.challenge(), T0.plusSeconds(60)));
    assertEquals(Optional.empty(), challenges.find(challenge.challenge()).orElseThrow().usedAt());
  }

  @Test
  void purgeDeletesChallengesExpiredStrictlyBeforeTheCutoff() {
    LoginChallenge early = LoginChallenge.issue(T0, Duration.ofSeconds(60));
    LoginChallenge late = LoginChallenge.issue(T0.plusSeconds(1), Duration.ofSeconds(60));
    challenges.add(early);
    challenges.add(late);
    assertThrows(IllegalStateException.class, () -> challenges.add(early));

    assertEquals(0, challenges.purgeExpiredBefore(T0.plusSeconds(60)));
    assertEquals(1, challenges.purgeExpiredBefore(T0.plusSeconds(61)));
    assertEquals(Optional.empty(), challenges.find(early.challenge()));
    assertTrue(challenges.find(late.challenge()).isPresent());
  }

  private static List<String> ids(List<UserSession> list) {
    return list.stream().map(UserSession::id).toList();
  }
}
