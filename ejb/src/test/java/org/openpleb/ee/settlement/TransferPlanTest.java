package org.openpleb.ee.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openpleb.ee.pricing.PriceQuote;

/**
 * The wallet-to-wallet transfers that realise a payout from the maker's escrow and taker's bond.
 */
class TransferPlanTest {

  private static final PriceQuote EXAMPLE = PayoutTableTest.workedExample();

  private static TransferPlan plan(Outcome outcome, ForfeitedBondPolicy policy) {
    Payout payout = new PayoutTable(policy).payout(outcome, EXAMPLE);
    long takerHolds = outcome.claimed() ? EXAMPLE.bond() : 0;
    long makerHolds = outcome == Outcome.NOTHING_HELD ? 0 : EXAMPLE.makerFunding();
    return TransferPlan.of(payout, makerHolds, takerHolds);
  }

  @Test
  void anApprovalPaysTheTakerFromTheEscrowAndTheFeeToTheTreasury() {
    TransferPlan approved = plan(Outcome.APPROVED, ForfeitedBondPolicy.PLATFORM);

    assertEquals(
        List.of(
            new Transfer(Party.MAKER, Party.TAKER, 68_101),
            new Transfer(Party.MAKER, Party.PLATFORM, 767)),
        approved.transfers());
    assertEquals(7_167, approved.makerKeeps());
    assertEquals(7_167, approved.takerKeeps());
    assertEquals(75_268, approved.endsWith(Party.TAKER));
  }

  @Test
  void anUnclaimedOfferIsAPureRefund() {
    TransferPlan unclaimed = plan(Outcome.UNCLAIMED, ForfeitedBondPolicy.PLATFORM);

    assertTrue(unclaimed.transfers().isEmpty());
    assertEquals(76_035, unclaimed.makerKeeps());
  }

  @Test
  void aForfeitedBondMovesFromTheTakerAlone() {
    assertEquals(
        List.of(new Transfer(Party.TAKER, Party.PLATFORM, 7_167)),
        plan(Outcome.FORFEITED, ForfeitedBondPolicy.PLATFORM).transfers());
    assertEquals(
        List.of(new Transfer(Party.TAKER, Party.MAKER, 7_167)),
        plan(Outcome.NO_RECEIPT, ForfeitedBondPolicy.MAKER).transfers());
  }

  @Test
  void makerWinsTakesTheTakersBond() {
    TransferPlan makerWins = plan(Outcome.MAKER_WINS, ForfeitedBondPolicy.PLATFORM);

    assertEquals(82_435, makerWins.endsWith(Party.MAKER));
    assertEquals(0, makerWins.endsWith(Party.TAKER));
    assertEquals(767, makerWins.endsWith(Party.PLATFORM));
    assertEquals(0, makerWins.takerKeeps());
  }

  @Test
  void aSplitSendsTheTakerHalfLessItsOwnBond() {
    TransferPlan split = plan(Outcome.SPLIT, ForfeitedBondPolicy.PLATFORM);

    assertEquals(
        List.of(
            new Transfer(Party.MAKER, Party.TAKER, 41_217 - 7_167),
            new Transfer(Party.MAKER, Party.PLATFORM, 768)),
        split.transfers());
  }

  @ParameterizedTest
  @EnumSource(Outcome.class)
  void everyPlanEndsInThePayoutWithAtMostTwoTransfers(Outcome outcome) {
    for (ForfeitedBondPolicy policy : ForfeitedBondPolicy.values()) {
      Payout payout = new PayoutTable(policy).payout(outcome, EXAMPLE);
      TransferPlan plan = plan(outcome, policy);

      for (Party party : Party.values()) {
        assertEquals(payout.of(party), plan.endsWith(party), () -> outcome + " " + party);
      }
      assertTrue(plan.transfers().size() <= 2, plan::toString);
      assertTrue(plan.makerKeeps() >= 0 && plan.takerKeeps() >= 0, plan::toString);
    }
  }

  @Test
  void aPayoutThatDoesNotAddUpIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> TransferPlan.of(new Payout(10, 10, 1), 20, 0));
    assertThrows(IllegalArgumentException.class, () -> TransferPlan.of(new Payout(0, 5, 0), 5, 0));
  }
}
