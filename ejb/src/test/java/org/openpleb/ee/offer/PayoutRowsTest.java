package org.openpleb.ee.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.ee.offer.TradeDesk.B;
import static org.openpleb.ee.offer.TradeDesk.F;
import static org.openpleb.ee.offer.TradeDesk.TREASURY;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openpleb.ee.settlement.ForfeitedBondPolicy;
import org.openpleb.ee.settlement.Outcome;
import org.openpleb.ee.settlement.Payout;
import org.openpleb.ee.settlement.Settlement;
import org.openpleb.ee.wallet.WalletId;

/**
 * Every row of the payout table (spec §5.5) reached the way a trade reaches it, through the trading
 * services, the sweeper and the settler over in-memory wallets: with the worked example's amounts
 * (F = 76,035, B = 7,167, P = 767), each party's wallet ends with exactly its share, nothing stays
 * held, and not a sat appears or vanishes.
 */
class PayoutRowsTest {

  @ParameterizedTest(name = "{0} with forfeited bonds to {1}")
  @CsvSource({
    "NOTHING_HELD, PLATFORM, 0, 0, 0",
    "UNCLAIMED, PLATFORM, 76035, 0, 0",
    "APPROVED, PLATFORM, 7167, 75268, 767",
    "AUTO_APPROVED, PLATFORM, 7167, 75268, 767",
    "NO_RECEIPT, PLATFORM, 76035, 0, 7167",
    "NO_RECEIPT, MAKER, 83202, 0, 0",
    "ISSUE_UNANSWERED, PLATFORM, 76035, 0, 7167",
    "ISSUE_UNANSWERED, MAKER, 83202, 0, 0",
    "FORFEITED, PLATFORM, 76035, 0, 7167",
    "FORFEITED, MAKER, 83202, 0, 0",
    "RETURNED, PLATFORM, 75268, 7167, 767",
    "MAKER_WINS, PLATFORM, 82435, 0, 767",
    "TAKER_WINS, PLATFORM, 0, 82435, 767",
    "SPLIT, PLATFORM, 41217, 41217, 768"
  })
  void eachOutcomePaysEveryPartyItsShare(
      Outcome outcome, ForfeitedBondPolicy bonds, long maker, long taker, long platform) {
    TradeDesk desk = new TradeDesk(bonds);
    Trader makerUser = desk.trader(outcome == Outcome.NOTHING_HELD ? 0 : F);
    Trader takerUser = desk.trader(outcome.claimed() ? B : 0);
    long before = desk.wallets.total();
    String id = desk.created(makerUser);
    if (outcome != Outcome.NOTHING_HELD) {
      desk.trading.fundFromBalance(id, makerUser);
    }
    if (outcome.claimed()) {
      desk.trading.claim(id, takerUser, null);
    }
    reach(desk, id, makerUser, takerUser, outcome);

    Settlement settlement = desk.ledger.find(id).orElseThrow();
    assertEquals(outcome, settlement.outcome());
    assertEquals(new Payout(maker, taker, platform), settlement.payout());
    assertEquals(Settlement.State.DONE, settlement.state(), settlement::toString);
    assertEquals(outcome, desk.offer(id).outcome().orElseThrow());
    assertEquals(maker, desk.wallets.spendable(makerUser.walletId().value()));
    assertEquals(taker, desk.wallets.spendable(takerUser.walletId().value()));
    assertEquals(platform, desk.wallets.spendable(TREASURY));
    assertEquals(0, desk.wallets.held(makerUser.walletId().value()));
    assertEquals(0, desk.wallets.held(takerUser.walletId().value()));
    assertEquals(before, desk.wallets.total(), "no sat appears or vanishes");
  }

  private static void reach(
      TradeDesk desk, String id, Trader maker, Trader taker, Outcome outcome) {
    switch (outcome) {
      case NOTHING_HELD -> expire(desk, TradeDesk.CREATED);
      case UNCLAIMED -> expire(desk, TradeDesk.INVOICE_PAID);
      case NO_RECEIPT -> expire(desk, TradeDesk.CLAIMED);
      default -> {
        desk.trading.submitReceipt(id, taker, TradeDesk.receipt());
        switch (outcome) {
          case APPROVED -> desk.trading.approve(id, maker, null);
          case AUTO_APPROVED -> expire(desk, TradeDesk.RECEIPT_SUBMITTED);
          default -> {
            desk.trading.markIssue(id, maker, "nothing arrived");
            switch (outcome) {
              case ISSUE_UNANSWERED -> expire(desk, TradeDesk.MARKED_WITH_ISSUE);
              case FORFEITED -> desk.trading.forfeit(id, taker, "my mistake");
              default -> {
                desk.trading.counter(id, taker, "I paid");
                desk.trading.resolve(id, "operator", resolution(outcome), "bank statement");
              }
            }
          }
        }
      }
    }
  }

  private static Resolution resolution(Outcome outcome) {
    for (Resolution r : Resolution.values()) {
      if (r.outcome() == outcome) {
        return r;
      }
    }
    throw new IllegalArgumentException("no resolution settles by " + outcome);
  }

  /** Lets the current state's deadline pass and runs the sweeper, as its timer would. */
  private static void expire(TradeDesk desk, Duration timeout) {
    desk.advance(timeout);
    OfferSweeper.SweepReport report = desk.sweeper.sweep();
    assertEquals(1, report.expired(), report::toString);
  }

  /**
   * The crash test's finding: a maker whose session ended (a 401 after a restart) logs in again and
   * funds the offer from the new session's wallet. The escrow is held there, so the settlement must
   * pay out of that wallet, not the creating session's (which holds nothing: INSUFFICIENT_FUNDS for
   * ever).
   */
  @Test
  void anOfferFundedFromAnotherSessionOfItsMakerSettlesFromTheWalletHoldingTheEscrow() {
    TradeDesk desk = new TradeDesk();
    Trader creating = desk.trader(0);
    Trader funding = new Trader("session-again", creating.pubkey(), new WalletId("wallet-again"));
    desk.wallets.deposit(funding.walletId().value(), F);
    Trader taker = desk.trader(B);
    long before = desk.wallets.total();
    String id = desk.created(creating);
    desk.trading.fundFromBalance(id, funding);
    assertEquals(funding.walletId().value(), desk.offer(id).makerWalletId());
    desk.trading.claim(id, taker, null);
    desk.trading.submitReceipt(id, taker, TradeDesk.receipt());
    desk.trading.approve(id, creating, null);

    Settlement settlement = desk.ledger.find(id).orElseThrow();
    assertEquals(Settlement.State.DONE, settlement.state(), settlement::toString);
    assertEquals(new Payout(B, 75_268, 767), settlement.payout());
    assertEquals(B, desk.wallets.spendable(funding.walletId().value()));
    assertEquals(0, desk.wallets.held(funding.walletId().value()));
    assertEquals(0, desk.wallets.spendable(creating.walletId().value()));
    assertEquals(before, desk.wallets.total(), "no sat appears or vanishes");
  }

  @Test
  void anEscrowMintedFromTheInvoiceIsRefundedUnderItsLightningLabel() {
    TradeDesk desk = new TradeDesk();
    Trader maker = desk.trader(0);
    String id = desk.created(maker);
    desk.trading.requestInvoice(id, maker);
    desk.wallets.pay(desk.offer(id).quoteId().orElseThrow());
    desk.watcher.watch();
    assertEquals(OfferState.INVOICE_PAID, desk.status(id));
    assertEquals("escrow:" + id + ":ln", desk.offer(id).escrowOwner().orElseThrow());
    assertEquals(F, desk.wallets.heldFor(maker.walletId().value(), "escrow:" + id + ":ln"));

    expire(desk, TradeDesk.INVOICE_PAID);

    assertEquals(Outcome.UNCLAIMED, desk.ledger.find(id).orElseThrow().outcome());
    assertEquals(F, desk.wallets.spendable(maker.walletId().value()));
    assertEquals(0, desk.wallets.held(maker.walletId().value()));
  }

  @Test
  void aSettlementTheMintInterruptsIsFinishedByALaterSweep() {
    TradeDesk desk = new TradeDesk();
    Trader maker = desk.trader(F);
    Trader taker = desk.trader(B);
    String id = desk.funded(maker);
    desk.trading.claim(id, taker, null);
    desk.trading.submitReceipt(id, taker, TradeDesk.receipt());
    desk.wallets.mintDown = true;

    desk.trading.approve(id, maker, null);

    Settlement stuck = desk.ledger.find(id).orElseThrow();
    assertEquals(Settlement.State.PENDING, stuck.state());
    assertEquals("MINT_UNAVAILABLE", stuck.lastError().orElseThrow());
    assertEquals(OfferState.COMPLETED, desk.status(id));
    desk.wallets.mintDown = false;
    assertEquals(0, desk.sweeper.sweep().resumed(), "not before its backoff");
    desk.advance(Duration.ofSeconds(5));
    assertEquals(1, desk.sweeper.sweep().resumed());
    assertTrue(desk.ledger.find(id).orElseThrow().state() == Settlement.State.DONE);
    assertEquals(B, desk.wallets.spendable(maker.walletId().value()));
    assertEquals(75_268, desk.wallets.spendable(taker.walletId().value()));
    assertEquals(767, desk.wallets.spendable(TREASURY));
  }
}
