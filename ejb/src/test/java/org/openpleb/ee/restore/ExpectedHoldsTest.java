package org.openpleb.ee.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.restore.ExpectedHolds.Hold;
import org.openpleb.ee.restore.ExpectedHolds.Step;
import org.openpleb.ee.settlement.SettlementStep.Kind;
import org.openpleb.ee.settlement.SettlementStep.State;

class ExpectedHoldsTest {

  @Test
  void openOffersHoldTheirEscrowAndBondInFull() {
    Map<String, Long> expected =
        ExpectedHolds.fold(
            List.of(new Hold("escrow:o1:a", 76_035), new Hold("bond:o2:b", 7_167)), List.of());

    assertEquals(Map.of("escrow:o1:a", 76_035L, "bond:o2:b", 7_167L), expected);
  }

  @Test
  void aPendingSettlementHoldsWhatItsStepsHaveNotTakenYet() {
    String escrow = "escrow:o1:a";
    Map<String, Long> expected =
        ExpectedHolds.fold(
            List.of(),
            List.of(
                // the taker's payout was sent (token made, fee 2): it left the hold
                new Step(escrow, 76_035, Kind.TRANSFER, State.DONE, 66_667, 2),
                // the platform's fee is being sent: a token may have died with the old file
                new Step(escrow, 76_035, Kind.TRANSFER, State.SENDING, 0, 0),
                new Step(escrow, 76_035, Kind.RELEASE, State.PLANNED, 0, 0)));

    assertEquals(Map.of(escrow, 76_035L - 66_667 - 2), expected);
  }

  @Test
  void aSentButUnreceivedTransferHasLeftTheHold() {
    Map<String, Long> expected =
        ExpectedHolds.fold(
            List.of(),
            List.of(
                new Step("bond:o1:b", 7_167, Kind.TRANSFER, State.SENT, 5_000, 0),
                new Step("bond:o1:b", 7_167, Kind.RELEASE, State.PLANNED, 0, 0)));

    assertEquals(Map.of("bond:o1:b", 2_167L), expected);
  }

  @Test
  void aReleasedHoldAndAFullyPaidHoldHoldNothing() {
    Map<String, Long> expected =
        ExpectedHolds.fold(
            List.of(new Hold("escrow:o3:c", 1_000)),
            List.of(
                new Step("escrow:o1:a", 900, Kind.TRANSFER, State.DONE, 400, 0),
                new Step("escrow:o1:a", 900, Kind.RELEASE, State.DONE, 500, 0),
                new Step("bond:o2:b", 300, Kind.TRANSFER, State.DONE, 300, 0)));

    assertEquals(Map.of("escrow:o3:c", 1_000L), expected);
  }
}
