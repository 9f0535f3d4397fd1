package org.openpleb.ee.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openpleb.ee.settlement.ForfeitedBondPolicy;
import org.openpleb.ee.settlement.HoldOwner;

/** Small rules of trading: hold labels, the forfeited-bond setting, backoffs and state sets. */
class TradeRulesTest {

  @Test
  void everyAttemptHoldsUnderALabelOfItsOwn() {
    String escrow = AttemptKind.FUND.holdOwner("offer-1", "attempt-1").key();
    String bond = AttemptKind.CLAIM.holdOwner("offer-1", "attempt-1").key();

    assertEquals("escrow:offer-1:attempt-1", escrow);
    assertEquals("bond:offer-1:attempt-1", bond);
    assertNotEquals(AttemptKind.CLAIM.holdOwner("offer-1", "attempt-2").key(), bond);
    assertNotEquals(HoldOwner.lightningEscrow("offer-1").key(), escrow);
  }

  @ParameterizedTest
  @CsvSource({"PLATFORM, PLATFORM", "maker, MAKER", " Platform , PLATFORM"})
  void theForfeitedBondSettingNamesAPolicy(String raw, ForfeitedBondPolicy policy) {
    assertEquals(Optional.of(policy), TradeConfig.forfeitedBondPolicy(raw));
  }

  @Test
  void anythingElseIsNoPolicy() {
    assertEquals(Optional.empty(), TradeConfig.forfeitedBondPolicy("TAKER"));
    assertEquals(Optional.empty(), TradeConfig.forfeitedBondPolicy(""));
    assertEquals(Optional.empty(), TradeConfig.forfeitedBondPolicy(null));
  }

  @ParameterizedTest(name = "after {0} failures wait {1} s")
  @CsvSource({"1, 5", "2, 10", "3, 20", "7, 300", "100, 300"})
  void aFailingExpiryWaitsLongerEachTime(int failures, long seconds) {
    assertEquals(Duration.ofSeconds(seconds), OfferSweeper.backoff(failures));
  }

  @Test
  void openStatesAreTheUnfinishedOnes() {
    assertTrue(OfferState.open().contains(OfferState.DISPUTED));
    assertFalse(OfferState.open().contains(OfferState.EXPIRED));
    assertFalse(OfferState.withDeadline().contains(OfferState.DISPUTED));
    assertTrue(TradeMetrics.ACTIVE.stream().allMatch(s -> OfferState.open().contains(s)));
  }

  @Test
  void actorsNameTheRoleAndTheKeyButTheSystemIsAnonymous() {
    assertEquals("maker:ab12", OfferTransitions.actor(Role.MAKER, "ab12"));
    assertEquals("admin:operator", OfferTransitions.actor(Role.ADMIN, "operator"));
    assertEquals("system", OfferTransitions.actor(Role.SYSTEM, null));
  }
}
