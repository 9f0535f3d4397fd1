package org.openpleb.ee.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openpleb.ee.platform.TestClock;
import org.openpleb.ee.pricing.PriceQuote;

/**
 * The settler over in-memory wallets and ledger: every payout row ends with each wallet holding its
 * share; a run stopped at any point between its records and its wallet calls is resumed by the next
 * without paying twice; failures wait out a growing backoff; one run works a settlement at a time.
 */
class SettlerTest {

  private static final PriceQuote TERMS = new PriceQuote(66_667, 767, 1_434, 7_167);
  private static final String OFFER = "offer-1";
  private static final String MAKER = "maker-wallet";
  private static final String TAKER = "taker-wallet";
  private static final String TREASURY = "treasury-wallet";
  private static final HoldOwner ESCROW = HoldOwner.escrow(OFFER, "a1");
  private static final HoldOwner BOND = HoldOwner.bond(OFFER, "a2");

  private final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final InMemorySettlementLedger ledger = new InMemorySettlementLedger();
  private final InMemoryTradeWallets wallets = new InMemoryTradeWallets(clock);
  private final List<SettlementProbe.Point> passed = new ArrayList<>();

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  /** Holds the escrow (and the bond, for a claimed outcome) and opens the settlement. */
  private Settlement opened(Outcome outcome, ForfeitedBondPolicy bonds) {
    TradeWallets.WalletRef maker = new TradeWallets.WalletRef(MAKER, "maker", "s1");
    TradeWallets.WalletRef taker = new TradeWallets.WalletRef(TAKER, "taker", "s2");
    boolean funded = outcome != Outcome.NOTHING_HELD;
    if (funded) {
      wallets.deposit(MAKER, TERMS.makerFunding());
      wallets.hold(maker, TERMS.makerFunding(), ESCROW.key());
    }
    if (outcome.claimed()) {
      wallets.deposit(TAKER, TERMS.bond());
      wallets.hold(taker, TERMS.bond(), BOND.key());
    }
    SettlementOrder order =
        new SettlementOrder(
            OFFER,
            outcome,
            TERMS,
            funded ? new Hold(MAKER, ESCROW) : null,
            MAKER,
            outcome.claimed() ? new Hold(TAKER, BOND) : null,
            TREASURY);
    return ledger.open(order, new PayoutTable(bonds), now());
  }

  private Settler settler(SettlementProbe... probes) {
    return TestSettlers.settler(ledger, wallets, clock, probes);
  }

  @ParameterizedTest
  @EnumSource(Outcome.class)
  void everyPayoutRowEndsInTheWallets(Outcome outcome) {
    for (ForfeitedBondPolicy bonds : ForfeitedBondPolicy.values()) {
      SettlerTest fresh = new SettlerTest();
      Payout payout = fresh.opened(outcome, bonds).payout();
      long before = fresh.wallets.total();

      assertTrue(fresh.settler().settle(OFFER));

      assertEquals(payout.maker(), fresh.wallets.spendable(MAKER), outcome + " maker");
      assertEquals(payout.taker(), fresh.wallets.spendable(TAKER), outcome + " taker");
      assertEquals(payout.platform(), fresh.wallets.spendable(TREASURY), outcome + " platform");
      assertEquals(0, fresh.wallets.held(MAKER) + fresh.wallets.held(TAKER));
      assertEquals(before, fresh.wallets.total());
      assertEquals(Settlement.State.DONE, fresh.ledger.find(OFFER).orElseThrow().state());
      assertEquals(1, fresh.ledger.completions.size());
      assertTrue(
          fresh.ledger.steps(OFFER).stream().allMatch(s -> s.state() == SettlementStep.State.DONE));
    }
  }

  @ParameterizedTest
  @EnumSource(Outcome.class)
  void noPayerCountsATransferredTokenInFlightOnceItIsReceived(Outcome outcome) {
    opened(outcome, ForfeitedBondPolicy.PLATFORM);

    assertTrue(settler().settle(OFFER));

    assertEquals(0, wallets.inflight(MAKER), outcome + " maker");
    assertEquals(0, wallets.inflight(TAKER), outcome + " taker");
    assertEquals(0, wallets.inflight(TREASURY), outcome + " treasury");
  }

  @Test
  void aPayerTheMintCannotSettleNowStopsNoSettlementAndIsLeftToTheSweep() {
    Payout payout = opened(Outcome.APPROVED, ForfeitedBondPolicy.PLATFORM).payout();
    wallets.settleDown = true;

    assertTrue(settler().settle(OFFER));

    assertEquals(payout.taker(), wallets.spendable(TAKER));
    assertEquals(payout.platform(), wallets.spendable(TREASURY));
    assertEquals(TERMS.makerFunding() - payout.maker(), wallets.inflight(MAKER));
    wallets.settleDown = false;
    assertEquals(1, wallets.settleRedeemed(MAKER));
    assertEquals(0, wallets.inflight(MAKER));
  }

  @Test
  void aTransferFoundReceivedOnResumeSettlesItsPayerToo() {
    opened(Outcome.APPROVED, ForfeitedBondPolicy.PLATFORM);
    SettlementProbe crash =
        (offerId, seq, kind, point) -> {
          if (point == SettlementProbe.Point.RECEIVED && seq == 1) {
            throw new IllegalStateException("the server stopped after receiving");
          }
        };
    assertFalse(settler(crash).settle(OFFER));
    clock.advance(Settler.backoff(0));

    assertTrue(settler().settle(OFFER));

    assertEquals(0, wallets.inflight(MAKER));
  }

  @ParameterizedTest
  @EnumSource(
      value = SettlementProbe.Point.class,
      names = {"SENDING_RECORDED", "TOKEN_MADE", "SENT_RECORDED", "RECEIVED"})
  void aRunStoppedAtAnyPointIsResumedWithoutPayingTwice(SettlementProbe.Point stop) {
    Payout payout = opened(Outcome.APPROVED, ForfeitedBondPolicy.PLATFORM).payout();
    long before = wallets.total();
    SettlementProbe crash =
        (offerId, seq, kind, point) -> {
          if (point == stop && seq == 1) {
            throw new IllegalStateException("the server stopped at " + point);
          }
        };

    assertFalse(settler(crash).settle(OFFER));
    int sendsBefore = wallets.sends;
    assertEquals(stop == SettlementProbe.Point.SENDING_RECORDED ? 0 : 1, sendsBefore);
    clock.advance(Settler.backoff(0));
    assertTrue(settler().settle(OFFER));

    assertEquals(2, wallets.sends, "each of the two transfers made once");
    assertEquals(payout.maker(), wallets.spendable(MAKER));
    assertEquals(payout.taker(), wallets.spendable(TAKER));
    assertEquals(payout.platform(), wallets.spendable(TREASURY));
    assertEquals(before, wallets.total());
  }

  @Test
  void aFailingSettlementWaitsLongerAfterEveryAttempt() {
    opened(Outcome.MAKER_WINS, ForfeitedBondPolicy.PLATFORM);
    wallets.mintDown = true;

    assertFalse(settler().settle(OFFER));
    Settlement first = ledger.find(OFFER).orElseThrow();
    assertEquals(1, first.attempts());
    assertEquals("MINT_UNAVAILABLE", first.lastError().orElseThrow());
    assertEquals(now().plusSeconds(5), first.nextAttemptAt());
    assertTrue(ledger.dueIds(now(), 10).isEmpty());

    clock.advance(Duration.ofSeconds(5));
    assertEquals(List.of(OFFER), ledger.dueIds(now(), 10));
    assertFalse(settler().settle(OFFER));
    assertEquals(now().plusSeconds(10), ledger.find(OFFER).orElseThrow().nextAttemptAt());

    wallets.mintDown = false;
    clock.advance(Duration.ofSeconds(10));
    assertTrue(settler().settle(OFFER));
    assertTrue(ledger.find(OFFER).orElseThrow().lastError().isEmpty());
  }

  @Test
  void oneRunWorksASettlementAtATime() {
    opened(Outcome.APPROVED, ForfeitedBondPolicy.PLATFORM);
    List<Boolean> inner = new ArrayList<>();
    SettlementProbe second =
        (offerId, seq, kind, point) -> {
          if (inner.isEmpty()) {
            inner.add(settler().settle(OFFER));
          }
        };

    assertTrue(settler(second).settle(OFFER));

    assertEquals(List.of(false), inner, "the run that found it leased did nothing");
    assertEquals(Settlement.State.DONE, ledger.find(OFFER).orElseThrow().state());
  }

  @Test
  void aRunThatDiedLeavesItsLeaseToRunOut() {
    opened(Outcome.APPROVED, ForfeitedBondPolicy.PLATFORM);
    assertTrue(ledger.take(OFFER, now(), now().plusSeconds(TestSettlers.LEASE_SECONDS)));

    assertFalse(settler().settle(OFFER));
    assertEquals(0, wallets.sends);
    clock.advance(Duration.ofSeconds(TestSettlers.LEASE_SECONDS + 1));
    assertTrue(settler().settle(OFFER));
  }

  @Test
  void aTokenReceivedBeforeItsRecordIsCountedOnce() {
    opened(Outcome.APPROVED, ForfeitedBondPolicy.PLATFORM);
    SettlementProbe lose =
        (offerId, seq, kind, point) -> {
          if (point == SettlementProbe.Point.SENT_RECORDED && seq == 1) {
            // the token is redeemed elsewhere (a run that died after receiving it)
            wallets.receive(TAKER, ledger.tokenOf(offerId, seq).orElseThrow());
          }
        };

    assertTrue(settler(lose).settle(OFFER));

    SettlementStep first = ledger.steps(OFFER).get(0);
    assertEquals(SettlementStep.State.DONE, first.state());
    assertEquals(first.sentAmount().orElseThrow(), first.receivedAmount().orElseThrow());
    assertEquals(75_268, wallets.spendable(TAKER));
  }

  @Test
  void aRunStoppedAfterItsTokenWasRecordedReceivesThatToken() {
    opened(Outcome.APPROVED, ForfeitedBondPolicy.PLATFORM);
    SettlementProbe mintGone =
        (offerId, seq, kind, point) -> {
          if (point == SettlementProbe.Point.SENT_RECORDED) {
            wallets.mintDown = true;
          }
        };

    assertFalse(settler(mintGone).settle(OFFER));
    assertEquals(SettlementStep.State.SENT, ledger.steps(OFFER).get(0).state());
    wallets.mintDown = false;
    clock.advance(Settler.backoff(0));
    assertTrue(settler().settle(OFFER));

    assertEquals(2, wallets.sends, "the recorded token was received, not made again");
    assertEquals(75_268, wallets.spendable(TAKER));
  }

  @ParameterizedTest
  @EnumSource(Outcome.class)
  void aReleaseDoneBeforeItsRecordIsRecordedWithWhatItReleased(Outcome outcome) {
    Payout payout = opened(outcome, ForfeitedBondPolicy.PLATFORM).payout();
    ledger.dieBeforeRecordingDone.add(SettlementStep.Kind.RELEASE);

    boolean firstRun = settler().settle(OFFER);
    clock.advance(Settler.backoff(0));
    assertTrue(settler().settle(OFFER));

    List<SettlementStep> releases =
        ledger.steps(OFFER).stream().filter(s -> s.kind() == SettlementStep.Kind.RELEASE).toList();
    assertEquals(releases.isEmpty(), firstRun, outcome + ": the first run died at its release");
    for (SettlementStep release : releases) {
      // the in-memory wallets take no fees: each hold keeps exactly what was planned
      assertEquals(
          release.amount(),
          release.receivedAmount().orElseThrow(),
          outcome + " " + release.fromParty() + " release recorded");
    }
    SettlementCompleted done = ledger.completions.get(0);
    assertEquals(payout.maker(), done.makerReceived(), outcome + " maker");
    assertEquals(payout.taker(), done.takerReceived(), outcome + " taker");
    assertEquals(payout.maker(), wallets.spendable(MAKER), outcome + " maker's wallet");
  }

  @ParameterizedTest
  @EnumSource(
      value = SettlementProbe.Point.class,
      names = {"SENDING_RECORDED", "RECEIVED", "DONE_RECORDED"})
  void aReleaseStoppedAtAnyPointIsRecordedWithThePlannedAmount(SettlementProbe.Point stop) {
    Payout payout = opened(Outcome.APPROVED, ForfeitedBondPolicy.PLATFORM).payout();
    SettlementProbe crash =
        (offerId, seq, kind, point) -> {
          if (kind == SettlementStep.Kind.RELEASE && point == stop) {
            throw new IllegalStateException("the server stopped at " + point);
          }
        };

    assertFalse(settler(crash).settle(OFFER));
    clock.advance(Settler.backoff(0));
    assertTrue(settler().settle(OFFER));

    for (SettlementStep step : ledger.steps(OFFER)) {
      if (step.kind() == SettlementStep.Kind.RELEASE) {
        assertEquals(step.amount(), step.receivedAmount().orElseThrow(), step.fromParty() + "");
      }
    }
    assertEquals(payout.maker(), ledger.completions.get(0).makerReceived());
    assertEquals(payout.maker(), wallets.spendable(MAKER));
  }
}
