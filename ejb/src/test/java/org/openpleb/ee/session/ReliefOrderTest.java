package org.openpleb.ee.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReliefOrderTest {

  private static final OffsetDateTime NOW =
      OffsetDateTime.of(2026, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);
  private static final OffsetDateTime IDLE_SINCE = NOW.minusMinutes(15);

  private static ReliefCandidate session(
      String id, int createdMinutesAgo, int seenMinutesAgo, boolean funds, boolean trade) {
    return new ReliefCandidate(
        id, NOW.minusMinutes(createdMinutesAgo), NOW.minusMinutes(seenMinutesAgo), funds, trade);
  }

  private static ReliefCandidate unused(String id, int createdMinutesAgo) {
    return session(id, createdMinutesAgo, createdMinutesAgo, false, false);
  }

  @Test
  void floodSessionsGoFirstNewestFirstAndHonestIdleOnesStay() {
    List<ReliefCandidate> all = new ArrayList<>();
    all.add(session("honest-idle", 120, 60, false, false)); // used once, idle an hour
    all.add(session("honest-funded", 120, 100, true, false));
    all.add(session("honest-trading", 120, 110, false, true));
    all.add(unused("flood-old", 3));
    all.add(unused("flood-new", 1));
    all.add(unused("flood-mid", 2));

    ReliefOrder.Plan plan = ReliefOrder.plan(all, IDLE_SINCE);

    assertEquals(ReliefOrder.Tier.UNUSED, plan.tier());
    assertEquals(List.of("flood-new", "flood-mid", "flood-old"), plan.sessionIds());
  }

  @Test
  void anUnusedSessionWithABalanceOrATradeIsNotUnused() {
    List<ReliefCandidate> all =
        List.of(session("funded", 5, 5, true, false), session("trading", 5, 5, false, true));

    ReliefOrder.Plan plan = ReliefOrder.plan(all, IDLE_SINCE);

    assertEquals(List.of(), plan.sessionIds(), "neither is idle past the limit, nor unused");
  }

  @Test
  void withNoUnusedSessionLeftIdleEmptyOnesGoLeastRecentlySeenFirst() {
    List<ReliefCandidate> all =
        List.of(
            session("idle-20", 200, 20, false, false),
            session("idle-90", 200, 90, false, false),
            session("busy", 200, 1, false, false),
            session("funded-idle", 200, 120, true, false));

    ReliefOrder.Plan plan = ReliefOrder.plan(all, IDLE_SINCE);

    assertEquals(ReliefOrder.Tier.IDLE, plan.tier());
    assertEquals(List.of("idle-90", "idle-20"), plan.sessionIds());
  }

  @Test
  void fundedIdleSessionsGoLastAndTradesNever() {
    List<ReliefCandidate> all =
        List.of(
            session("busy", 200, 1, false, false),
            session("funded-idle", 200, 120, true, false),
            session("funded-recent", 200, 2, true, false),
            session("trading-idle", 200, 180, true, true));

    ReliefOrder.Plan plan = ReliefOrder.plan(all, IDLE_SINCE);

    assertEquals(ReliefOrder.Tier.IDLE_FUNDED, plan.tier());
    assertEquals(List.of("funded-idle"), plan.sessionIds());
  }

  @Test
  void aSessionWhoseLastSeenWasMovedBeforeItsCreationCountsAsUnused() {
    assertEquals(false, session("x", 10, 70, false, false).active());
    assertEquals(true, session("x", 10, 9, false, false).active());
  }
}
