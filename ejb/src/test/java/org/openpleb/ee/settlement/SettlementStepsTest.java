package org.openpleb.ee.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openpleb.ee.pricing.PriceQuote;

/** The recorded steps of a settlement: transfers between the right wallets, then the releases. */
class SettlementStepsTest {

  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-01-01T00:00:00Z");
  private static final PriceQuote EXAMPLE = PayoutTableTest.workedExample();
  private static final Hold ESCROW = new Hold("maker-wallet", new HoldOwner("escrow:o1:a"));
  private static final Hold BOND = new Hold("taker-wallet", new HoldOwner("bond:o1:b"));

  private static List<SettlementStep> steps(Outcome outcome) {
    SettlementOrder order =
        new SettlementOrder(
            "o1",
            outcome,
            EXAMPLE,
            outcome == Outcome.NOTHING_HELD ? null : ESCROW,
            "maker-wallet",
            outcome.claimed() ? BOND : null,
            "treasury-wallet");
    Payout payout = new PayoutTable(ForfeitedBondPolicy.PLATFORM).payout(outcome, EXAMPLE);
    return SettlementLedger.steps(order, payout, NOW);
  }

  @Test
  void anApprovalPaysTheTakerAndTheTreasuryThenReleasesBothHolds() {
    List<SettlementStep> steps = steps(Outcome.APPROVED);

    assertEquals(4, steps.size());
    assertStep(steps.get(0), SettlementStep.Kind.TRANSFER, ESCROW, "taker-wallet", 68_101);
    assertStep(steps.get(1), SettlementStep.Kind.TRANSFER, ESCROW, "treasury-wallet", 767);
    assertStep(steps.get(2), SettlementStep.Kind.RELEASE, ESCROW, "maker-wallet", 7_167);
    assertStep(steps.get(3), SettlementStep.Kind.RELEASE, BOND, "taker-wallet", 7_167);
  }

  @Test
  void aForfeitSendsTheBondToTheTreasuryAndReleasesTheEscrow() {
    List<SettlementStep> steps = steps(Outcome.FORFEITED);

    assertEquals(3, steps.size());
    assertStep(steps.get(0), SettlementStep.Kind.TRANSFER, BOND, "treasury-wallet", 7_167);
    assertStep(steps.get(1), SettlementStep.Kind.RELEASE, ESCROW, "maker-wallet", 76_035);
    assertStep(steps.get(2), SettlementStep.Kind.RELEASE, BOND, "taker-wallet", 0);
  }

  @Test
  void anUnclaimedOfferOnlyReleasesTheEscrow() {
    List<SettlementStep> steps = steps(Outcome.UNCLAIMED);

    assertEquals(1, steps.size());
    assertStep(steps.get(0), SettlementStep.Kind.RELEASE, ESCROW, "maker-wallet", 76_035);
  }

  @Test
  void nothingHeldMeansNothingToDo() {
    assertTrue(steps(Outcome.NOTHING_HELD).isEmpty());
  }

  @ParameterizedTest
  @EnumSource(Outcome.class)
  void stepsAreNumberedFromOneAndStartPlannedWithMemosOfTheirOwn(Outcome outcome) {
    List<SettlementStep> steps = steps(outcome);
    for (int i = 0; i < steps.size(); i++) {
      SettlementStep step = steps.get(i);
      assertEquals(i + 1, step.seq());
      assertEquals(SettlementStep.State.PLANNED, step.state());
      assertEquals("settlement:o1:" + (i + 1), step.memo());
      assertTrue(step.token().isEmpty());
    }
  }

  private static void assertStep(
      SettlementStep step, SettlementStep.Kind kind, Hold from, String toWallet, long amount) {
    assertEquals(kind, step.kind(), step::toString);
    assertEquals(from.walletId(), step.fromWalletId(), step::toString);
    assertEquals(from.owner().key(), step.fromOwner(), step::toString);
    assertEquals(toWallet, step.toWalletId(), step::toString);
    assertEquals(amount, step.amount(), step::toString);
  }
}
