package org.openpleb.ee.custody;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reservations against the offers' holds, both ways. */
class HoldCheckTest {

  private static final String ESCROW = "escrow:11111111-1111-1111-1111-111111111111:a1";
  private static final String BOND = "bond:22222222-2222-2222-2222-222222222222:c1";

  @Test
  void matchingHoldsAreClean() {
    assertEquals(
        List.of(),
        HoldCheck.compare(
            "w", Map.of(ESCROW, 1200L, BOND, 100L), Map.of(ESCROW, 1200L, BOND, 100L), Map.of()));
  }

  @Test
  void anOfferWhoseHoldIsGoneIsFlaggedWithItsOffer() {
    List<Finding> found = HoldCheck.compare("w", Map.of(), Map.of(ESCROW, 1200L), Map.of());
    assertEquals(1, found.size());
    Finding f = found.get(0);
    assertEquals(FindingKind.HOLD_MISSING, f.kind());
    assertEquals(-1200, f.sats());
    assertEquals("11111111-1111-1111-1111-111111111111", f.offerId());
    assertEquals(ESCROW, f.owner());
  }

  @Test
  void aHoldOfAnotherSizeIsFlagged() {
    List<Finding> found =
        HoldCheck.compare("w", Map.of(ESCROW, 1100L), Map.of(ESCROW, 1200L), Map.of());
    assertEquals(FindingKind.HOLD_MISSING, found.get(0).kind());
    assertEquals(-100, found.get(0).sats());
  }

  @Test
  void aReservationNoOfferClaimsIsFlagged() {
    List<Finding> found = HoldCheck.compare("w", Map.of(BOND, 100L), Map.of(), Map.of());
    assertEquals(1, found.size());
    assertEquals(FindingKind.HOLD_UNCLAIMED, found.get(0).kind());
    assertEquals(100, found.get(0).sats());
    assertEquals("22222222-2222-2222-2222-222222222222", found.get(0).offerId());
  }

  @Test
  void aHoldInMotionMayHoldUpToItsAmount() {
    assertEquals(
        List.of(), HoldCheck.compare("w", Map.of(BOND, 60L), Map.of(), Map.of(BOND, 100L)));
    assertEquals(
        FindingKind.HOLD_UNCLAIMED,
        HoldCheck.compare("w", Map.of(BOND, 160L), Map.of(), Map.of(BOND, 100L)).get(0).kind());
  }

  @Test
  void aSettlementStoppedOnAnEmptyHoldIsFlaggedWithItsOffer() {
    var step =
        new OfferHolds.StoppedStep("11111111-1111-1111-1111-111111111111", "w", ESCROW, 1150L, 4);
    List<Finding> found = HoldCheck.stopped("w", Map.of(BOND, 100L), List.of(step));
    assertEquals(1, found.size());
    Finding f = found.get(0);
    assertEquals(FindingKind.SETTLEMENT_STOPPED, f.kind());
    assertEquals(-1150, f.sats());
    assertEquals("11111111-1111-1111-1111-111111111111", f.offerId());
    assertEquals(ESCROW, f.owner());
  }

  @Test
  void aStoppedSettlementWhoseHoldHoldsSatsAgainIsNoFinding() {
    var step =
        new OfferHolds.StoppedStep("11111111-1111-1111-1111-111111111111", "w", ESCROW, 1150L, 4);
    assertEquals(List.of(), HoldCheck.stopped("w", Map.of(ESCROW, 1200L), List.of(step)));
  }
}
