package org.openpleb.ee.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bounds on looks at invoices that reads may cause. */
class LookBudgetTest {

  private static final long MS = 1_000_000L;

  private final AtomicLong now = new AtomicLong(1_000_000 * MS);

  private LookBudget budget(int perSecond, int inFlight, int maxKeys) {
    return new LookBudget(now::get, Duration.ofMillis(250), perSecond, inFlight, maxKeys);
  }

  @Test
  void oneInvoiceIsLookedAtAtMostOncePerSpacing() {
    LookBudget budget = budget(100, 10, 100);
    budget.take("offer:a", "alice").orElseThrow().close();

    assertTrue(budget.take("offer:a", "alice").isEmpty(), "again at once");
    now.addAndGet(249 * MS);
    assertTrue(budget.take("offer:a", "alice").isEmpty(), "again within the spacing");
    now.addAndGet(MS);
    assertTrue(budget.take("offer:a", "alice").isPresent(), "after the spacing");
  }

  @Test
  void oneReaderCausesAtMostItsLooksPerSecondWhateverItReads() {
    LookBudget budget = budget(3, 10, 100);
    for (int i = 0; i < 3; i++) {
      budget.take("offer:" + i, "mallory").orElseThrow().close();
    }

    assertTrue(budget.take("offer:3", "mallory").isEmpty(), "a fourth in the same second");
    assertTrue(budget.take("offer:3", "alice").isPresent(), "another reader has its own budget");
    now.addAndGet(1000 * MS);
    assertTrue(budget.take("offer:4", "mallory").isPresent(), "the next second");
  }

  @Test
  void looksRunningAtOnceAreBoundedAndGivenBackOnce() {
    LookBudget budget = budget(100, 2, 100);
    LookBudget.Permit first = budget.take("offer:1", "a").orElseThrow();
    LookBudget.Permit second = budget.take("offer:2", "b").orElseThrow();

    assertTrue(budget.take("offer:3", "c").isEmpty());
    first.close();
    first.close();
    assertEquals(1, budget.inFlight());
    assertTrue(budget.take("offer:3", "c").isPresent());
    second.close();
  }

  @Test
  void memoryStaysBoundedWhateverKeysRequestsChoose() {
    LookBudget budget = budget(100_000, 10, 4);
    for (int i = 0; i < 4; i++) {
      budget.take("offer:" + i, "r" + i).orElseThrow().close();
    }

    Optional<LookBudget.Permit> fifth = budget.take("offer:new", "r-new");
    assertFalse(fifth.isPresent(), "no room while every remembered look is recent");
    now.addAndGet(1000 * MS);
    assertTrue(budget.take("offer:new", "r-new").isPresent(), "old entries make room");
  }

  @Test
  void zeroPerSecondTurnsLooksOff() {
    assertTrue(budget(0, 10, 100).take("offer:a", "alice").isEmpty());
  }
}
