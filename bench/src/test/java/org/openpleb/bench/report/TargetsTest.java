package org.openpleb.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTest {

  @Test
  void aRunThatMeetsEveryTargetPassesEach() {
    List<TargetResult> results = Targets.evaluate(RunFixtures.passing("2026-11-27T10:00:00Z"));
    assertEquals(8, results.size());
    for (TargetResult r : results) {
      assertEquals(Verdict.PASS, r.verdict(), r.target() + ": " + r.measured());
    }
  }

  @Test
  void aRunThatMissesEveryTargetShowsTheCauseOfEach() {
    List<TargetResult> results = Targets.evaluate(RunFixtures.missing("2026-11-27T10:00:00Z"));
    for (TargetResult r : results.subList(0, 3)) {
      assertEquals(Verdict.MISS, r.verdict(), r.target());
    }
    assertTrue(results.get(0).evidence().contains("org.openpleb.ee.session.UserSession"));
    assertTrue(results.get(1).evidence().contains("native"));
    assertEquals(Verdict.MISS, results.get(4).verdict());
    assertTrue(results.get(4).evidence().contains("Little's law"), results.get(4).evidence());
    assertEquals(Verdict.MISS, results.get(5).verdict());
    assertEquals(Verdict.MISS, results.get(7).verdict());
    assertTrue(
        results.get(7).evidence().contains("secp256k1 arithmetic (Bouncy Castle) 67 %"),
        results.get(7).evidence());
  }

  @Test
  void theSessionTargetHoldsTheIntervalsHighEndToFiveThousandBytes() {
    // the fixtures' 95 % margin is 60 bytes: the high end is held to 5,000 bytes
    assertEquals(Verdict.PASS, Targets.sessionHeap(RunFixtures.sessions(4_940)).verdict());
    assertEquals(Verdict.MISS, Targets.sessionHeap(RunFixtures.sessions(4_941)).verdict());
  }

  @Test
  void figuresOfEndpointsThisBuildLacksAreNotMeasuredNotFailed() {
    List<TargetResult> results =
        Targets.evaluate(RunFixtures.withoutWalletsAndTrades("2026-11-27T10:00:00Z"));
    assertEquals(Verdict.PASS, results.get(0).verdict());
    assertEquals(Verdict.NOT_MEASURED, results.get(1).verdict());
    assertTrue(results.get(1).evidence().contains("GET /api/wallet"));
    assertEquals(Verdict.NOT_MEASURED, results.get(3).verdict()); // sessions fit, wallets unknown
    assertEquals(Verdict.NOT_MEASURED, results.get(5).verdict());
    assertEquals(Verdict.NOT_MEASURED, results.get(7).verdict());
  }
}
