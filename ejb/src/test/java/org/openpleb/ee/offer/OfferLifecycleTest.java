package org.openpleb.ee.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.openpleb.ee.settlement.Outcome;

/** The offer state machine: which action runs where, where it leads and how it settles. */
class OfferLifecycleTest {

  @ParameterizedTest(name = "{0} in {1} leads to {2}")
  @CsvSource({
    "REQUEST_INVOICE, CREATED,           INVOICE_CREATED",
    "INVOICE_PAID,    INVOICE_CREATED,   INVOICE_PAID",
    "FUND,            CREATED,           INVOICE_PAID",
    "CLAIM,           INVOICE_PAID,      CLAIMED",
    "SUBMIT_RECEIPT,  CLAIMED,           RECEIPT_SUBMITTED",
    "APPROVE,         RECEIPT_SUBMITTED, COMPLETED",
    "MARK_ISSUE,      RECEIPT_SUBMITTED, MARKED_WITH_ISSUE",
    "COUNTER,         MARKED_WITH_ISSUE, DISPUTED",
    "FORFEIT,         MARKED_WITH_ISSUE, FORFEITED",
    "RESOLVE,         DISPUTED,          RESOLVED",
  })
  void eachActionHasExactlyItsSourceStates(OfferAction action, OfferState from, OfferState to) {
    assertEquals(Set.of(from), action.sources());
    assertEquals(to, action.target());
  }

  @Test
  void everyTimedStateCanExpireAndNothingElse() {
    assertEquals(OfferState.withDeadline(), OfferAction.EXPIRE.sources());
    assertFalse(OfferAction.EXPIRE.allowedIn(OfferState.DISPUTED));
  }

  @ParameterizedTest
  @EnumSource(
      value = OfferState.class,
      names = {"COMPLETED", "RESOLVED", "FORFEITED", "EXPIRED"})
  void nothingLeavesATerminalState(OfferState terminal) {
    assertTrue(terminal.terminal());
    for (OfferAction action : OfferAction.values()) {
      assertFalse(action.allowedIn(terminal), () -> action + " in " + terminal);
    }
  }

  @Test
  void aReceiptIsAcceptedOnlyWhileClaimed() {
    EnumSet<OfferState> allowed = EnumSet.noneOf(OfferState.class);
    for (OfferState s : OfferState.values()) {
      if (OfferAction.SUBMIT_RECEIPT.allowedIn(s)) {
        allowed.add(s);
      }
    }
    assertEquals(EnumSet.of(OfferState.CLAIMED), allowed);
  }

  @ParameterizedTest(name = "expiry from {0} settles as {1}")
  @CsvSource({
    "CREATED,           NOTHING_HELD",
    "INVOICE_CREATED,   NOTHING_HELD",
    "INVOICE_PAID,      UNCLAIMED",
    "CLAIMED,           NO_RECEIPT",
    "RECEIPT_SUBMITTED, AUTO_APPROVED",
    "MARKED_WITH_ISSUE, ISSUE_UNANSWERED",
  })
  void eachExpirySettlesByItsRow(OfferState from, Outcome outcome) {
    assertEquals(Optional.of(outcome), OfferLifecycle.outcome(OfferAction.EXPIRE, from));
  }

  @Test
  void approvalAndForfeitSettleAndTheRestDoNot() {
    assertEquals(
        Optional.of(Outcome.APPROVED),
        OfferLifecycle.outcome(OfferAction.APPROVE, OfferState.RECEIPT_SUBMITTED));
    assertEquals(
        Optional.of(Outcome.FORFEITED),
        OfferLifecycle.outcome(OfferAction.FORFEIT, OfferState.MARKED_WITH_ISSUE));
    assertEquals(
        Optional.empty(), OfferLifecycle.outcome(OfferAction.CLAIM, OfferState.INVOICE_PAID));
    assertEquals(
        Optional.empty(), OfferLifecycle.outcome(OfferAction.RESOLVE, OfferState.DISPUTED));
  }

  @Test
  void anActionOutOfItsStateIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> OfferLifecycle.outcome(OfferAction.APPROVE, OfferState.CLAIMED));
  }

  @ParameterizedTest
  @CsvSource({
    "MAKER_WINS, MAKER_WINS",
    "TAKER_WINS, TAKER_WINS",
    "SPLIT, SPLIT",
    "RETURN, RETURNED"
  })
  void eachResolutionSettlesByItsRow(Resolution resolution, Outcome outcome) {
    assertEquals(outcome, resolution.outcome());
  }

  @Test
  void onlyTheMakerTheTakerAndTheAdminActOnTheirSteps() {
    assertEquals(Role.MAKER, OfferAction.APPROVE.role());
    assertEquals(Role.MAKER, OfferAction.FUND.role());
    assertEquals(Role.TAKER, OfferAction.SUBMIT_RECEIPT.role());
    assertEquals(Role.TAKER, OfferAction.FORFEIT.role());
    assertEquals(Role.ADMIN, OfferAction.RESOLVE.role());
    assertEquals(Role.SYSTEM, OfferAction.EXPIRE.role());
  }
}
