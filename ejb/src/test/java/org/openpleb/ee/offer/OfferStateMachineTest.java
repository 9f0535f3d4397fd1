package org.openpleb.ee.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/**
 * The offer state machine through the trading services, every action in every state: an action
 * allowed there (DESIGN §6, {@link OfferAction}) moves the offer to its target, one audit line and
 * one announcement more; any other is refused (409, or 403 when the caller is not the party it
 * needs) or, for the watcher and the sweeper, passed over, and changes nothing at all.
 */
class OfferStateMachineTest {

  /** An offer brought into a state, with its parties. */
  private record Trade(TradeDesk desk, String id, Trader maker, Trader taker) {}

  static Stream<Arguments> everyActionInEveryState() {
    List<Arguments> all = new ArrayList<>();
    for (OfferState state : OfferState.values()) {
      for (OfferAction action : OfferAction.values()) {
        all.add(Arguments.of(state, action));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{1} in {0}")
  @MethodSource("everyActionInEveryState")
  void anActionMovesTheOfferOnlyWhereTheTableAllowsIt(OfferState state, OfferAction action) {
    Trade trade = in(state);
    TradeDesk desk = trade.desk();
    Offer before = desk.offer(trade.id());
    assertEquals(state, before.status());
    OffsetDateTime enteredBefore = before.stateEnteredAt();
    int auditBefore = before.auditSeq();
    int announcedBefore = desk.announced.size();

    Optional<DomainException> refused = act(trade, action);

    Offer after = desk.offer(trade.id());
    if (action.allowedIn(state)) {
      assertTrue(refused.isEmpty(), () -> action + " refused in " + state + ": " + refused);
      assertEquals(action.target(), after.status());
      assertEquals(auditBefore + 1, after.auditSeq());
      assertEquals(action.name(), desk.offers.audit(trade.id()).get(auditBefore).action());
      assertEquals(announcedBefore + 1, desk.announced.size());
      assertEquals(action.target().terminal(), desk.ledger.find(trade.id()).isPresent());
    } else {
      assertTrue(
          action.role() == Role.SYSTEM || refused.isPresent(),
          () -> action + " was not refused in " + state);
      refused.ifPresent(e -> assertEquals(expectedRefusal(trade, action), e.code(), e::getMessage));
      assertEquals(state, after.status());
      assertEquals(enteredBefore, after.stateEnteredAt());
      assertEquals(auditBefore, after.auditSeq());
      assertEquals(announcedBefore, desk.announced.size());
      assertTrue(after.attemptId().isEmpty(), "no attempt left behind");
    }
  }

  /** The watcher and the sweeper pass over an offer they cannot move; users are refused. */
  private static ProblemCode expectedRefusal(Trade trade, OfferAction action) {
    boolean takerOnly = action.role() == Role.TAKER && action != OfferAction.CLAIM;
    return takerOnly && trade.taker() == null ? ProblemCode.FORBIDDEN : ProblemCode.CONFLICT;
  }

  private static Optional<DomainException> act(Trade trade, OfferAction action) {
    TradeDesk desk = trade.desk();
    String id = trade.id();
    Trader taker = trade.taker() != null ? trade.taker() : desk.trader(0);
    try {
      switch (action) {
        case REQUEST_INVOICE -> desk.trading.requestInvoice(id, trade.maker());
        case INVOICE_PAID -> {
          desk.offer(id).quoteId().ifPresent(desk.wallets::pay);
          Optional<QuoteWatch> looked = desk.watcher.check(id);
          if (action.allowedIn(trade.desk().offer(id).status()) && looked.isEmpty()) {
            fail("the watcher did not look at a watched invoice");
          }
        }
        case FUND -> desk.trading.fundFromBalance(id, trade.maker());
        case CLAIM -> desk.trading.claim(id, desk.trader(TradeDesk.B), null);
        case SUBMIT_RECEIPT -> desk.trading.submitReceipt(id, taker, TradeDesk.receipt());
        case APPROVE -> desk.trading.approve(id, trade.maker(), null);
        case MARK_ISSUE -> desk.trading.markIssue(id, trade.maker(), "not seen");
        case COUNTER -> desk.trading.counter(id, taker, "paid, see the receipt");
        case FORFEIT -> desk.trading.forfeit(id, taker, null);
        case RESOLVE -> desk.trading.resolve(id, "operator", Resolution.SPLIT, "both unclear");
        case EXPIRE -> {
          desk.advance(Duration.ofDays(2));
          desk.transitions.expire(id);
        }
      }
      return Optional.empty();
    } catch (DomainException e) {
      return Optional.of(e);
    }
  }

  /** A fresh desk with one offer in {@code state}, reached the way users and timers reach it. */
  private static Trade in(OfferState state) {
    TradeDesk desk = new TradeDesk();
    Trader maker = desk.trader(2 * TradeDesk.F);
    String id = desk.created(maker);
    Trader taker = null;
    switch (state) {
      case CREATED -> {}
      case INVOICE_CREATED -> desk.trading.requestInvoice(id, maker);
      case EXPIRED -> {
        desk.advance(TradeDesk.CREATED);
        desk.transitions.expire(id).orElseThrow();
      }
      default -> {
        desk.trading.fundFromBalance(id, maker);
        if (state != OfferState.INVOICE_PAID) {
          taker = desk.trader(2 * TradeDesk.B);
          desk.trading.claim(id, taker, null);
          walk(desk, id, maker, taker, state);
        }
      }
    }
    assertFalse(desk.offer(id).attemptId().isPresent());
    return new Trade(desk, id, maker, taker);
  }

  private static void walk(TradeDesk desk, String id, Trader maker, Trader taker, OfferState to) {
    if (to == OfferState.CLAIMED) {
      return;
    }
    desk.trading.submitReceipt(id, taker, TradeDesk.receipt());
    switch (to) {
      case RECEIPT_SUBMITTED -> {}
      case COMPLETED -> desk.trading.approve(id, maker, "thanks");
      default -> {
        desk.trading.markIssue(id, maker, "not seen");
        switch (to) {
          case MARKED_WITH_ISSUE -> {}
          case FORFEITED -> desk.trading.forfeit(id, taker, null);
          default -> {
            desk.trading.counter(id, taker, "paid");
            if (to == OfferState.RESOLVED) {
              desk.trading.resolve(id, "operator", Resolution.RETURN, "unclear");
            }
          }
        }
      }
    }
  }
}
