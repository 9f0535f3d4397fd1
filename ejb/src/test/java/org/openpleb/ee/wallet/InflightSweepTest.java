package org.openpleb.ee.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpleb.cashu.mint.MintUnreachableException;
import org.openpleb.ee.session.SessionPrincipal;

/**
 * The in-flight sweep: a withdrawn token redeemed elsewhere leaves {@code inflight} at the next
 * sweep, in active and dormant wallets and the treasury alike; a token nobody redeemed stays in
 * flight however old (it is the bearer's); a wallet the mint cannot answer for keeps its snapshot
 * and stops no other. After every sweep spendable + reserved + inflight is what the wallet holds or
 * has outstanding.
 */
class InflightSweepTest {

  private final WalletTestbed bed = new WalletTestbed();
  private final SessionPrincipal alice = bed.session("a".repeat(64));
  private final SessionPrincipal bob = bed.session("b".repeat(64));
  private final List<InflightHolder> treasuryLike = new ArrayList<>();
  private final InflightSweep sweep =
      new InflightSweep() {
        @Override
        Iterable<InflightHolder> holders() {
          return treasuryLike;
        }
      };

  InflightSweepTest() {
    sweep.leased = bed.leased;
    sweep.wallets = bed.wallets;
    sweep.sentTokens = bed.sentTokens;
  }

  private WalletBalance row(String walletId) {
    return bed.wallets.find(walletId).orElseThrow().balance();
  }

  /** Withdraws {@code amount} of the session's wallet as a token; its snapshot counts it. */
  private void withdraw(SessionPrincipal session, long amount) {
    bed.clock.advance(Duration.ofSeconds(1));
    bed.cashier.withdrawToken(session, amount, false, null);
  }

  /** The token's holder redeems it at the mint, outside this server. */
  private void redeemedElsewhere(String walletId, long amount) {
    bed.file(walletId).claimedAtReconcile = amount;
  }

  private void sweepLater() {
    bed.clock.advance(Duration.ofSeconds(1));
    sweep.sweep();
  }

  @Test
  void aWithdrawalRedeemedElsewhereLeavesInflightAtTheNextSweep() {
    String id = bed.fundedWallet(alice, 500);
    withdraw(alice, 200);
    assertEquals(new WalletBalance(300, 0, 200), row(id));
    redeemedElsewhere(id, 200);

    sweepLater();

    assertEquals(new WalletBalance(300, 0, 0), row(id));
    assertEquals(bed.file(id).balance(), row(id));
  }

  @Test
  void aTokenNobodyRedeemedStaysInFlightHoweverOld() {
    String id = bed.fundedWallet(alice, 500);
    withdraw(alice, 200);

    for (int i = 0; i < 5; i++) {
      bed.clock.advance(Duration.ofDays(30));
      sweep.sweep();
    }

    // never handed back to spendable: the token is the bearer's until it is redeemed
    assertEquals(new WalletBalance(300, 0, 200), row(id));
    assertEquals(new WalletBalance(300, 0, 200), bed.file(id).balance());
  }

  @Test
  void aDormantWalletIsSweptAndOnceEmptyRetired() {
    String id = bed.fundedWallet(alice, 200);
    withdraw(alice, 200);
    bed.wallets.sessionLive(id, false);
    assertEquals(WalletRetirement.Outcome.DORMANT, bed.retirement.retire(id));
    assertEquals(new WalletBalance(0, 0, 200), row(id));
    redeemedElsewhere(id, 200);

    sweepLater();

    assertEquals(WalletBalance.ZERO, row(id));
    bed.clock.advance(bed.config.cleanupInterval().plusSeconds(1));
    bed.retirement.sweep();
    assertEquals(Optional.empty(), bed.wallets.find(id), "the emptied dormant wallet is deleted");
  }

  @Test
  void theTreasuryIsSweptThroughItsHolder() {
    String treasury = "0f0f0f0f-0000-4000-8000-000000000001";
    List<WalletBalance> recorded = new ArrayList<>();
    treasuryLike.add(
        new InflightHolder() {
          @Override
          public Optional<String> walletWithInflight() {
            return recorded.isEmpty() ? Optional.of(treasury) : Optional.empty();
          }

          @Override
          public void record(String walletId, BalanceReading reading) {
            assertEquals(treasury, walletId);
            recorded.add(reading.balance());
          }
        });
    bed.file(treasury).spendable = 40;
    bed.file(treasury).inflight = 150;
    redeemedElsewhere(treasury, 150);

    assertEquals(1, sweep.sweep());

    assertEquals(List.of(new WalletBalance(40, 0, 0)), recorded);
    assertEquals(Optional.empty(), bed.wallets.find(treasury), "no user wallet row was made");
  }

  @Test
  void aWalletTheMintCannotAnswerForKeepsItsSnapshotAndStopsNoOther() {
    String a = bed.fundedWallet(alice, 500);
    String b = bed.fundedWallet(bob, 500);
    withdraw(alice, 100);
    withdraw(bob, 100);
    redeemedElsewhere(a, 100);
    redeemedElsewhere(b, 100);
    bed.file(a).nextFailure = new MintUnreachableException("mint away", null);

    sweepLater();

    assertEquals(new WalletBalance(400, 0, 100), row(a));
    assertEquals(new WalletBalance(400, 0, 0), row(b));
    assertTrue(bed.mintErrors.size() >= 1, "the mint's failure is counted");

    sweepLater();

    assertEquals(new WalletBalance(400, 0, 0), row(a));
  }

  @Test
  void aWalletWithNothingInFlightIsNotOpened() {
    bed.fundedWallet(alice, 500);
    bed.opened.clear();

    assertEquals(0, sweep.sweep());

    assertEquals(List.of(), bed.opened);
  }

  @Test
  void aFailingSweepDoesNotStopTheTimer() {
    InflightSweepTimer timer = new InflightSweepTimer();
    List<String> runs = new ArrayList<>();
    timer.sweep =
        new InflightSweep() {
          @Override
          public int sweep() {
            runs.add("run");
            throw new IllegalStateException("database away");
          }
        };

    timer.tick();
    timer.tick();

    assertEquals(List.of("run", "run"), runs);
  }
}
