package org.openpleb.ee.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpleb.cashu.mint.MintUnreachableException;
import org.openpleb.ee.session.SessionPrincipal;

/**
 * What becomes of a wallet whose session ended: one holding anything (spendable, reserved, tokens
 * in flight, an open deposit, an unfinished operation, a lease) turns dormant and is listed to its
 * owner; an empty one is deleted, row and file; and the sweep finds the wallets whose close was
 * missed and the dormant ones that emptied.
 */
class WalletRetirementTest {

  private final WalletTestbed bed = new WalletTestbed();
  private final SessionPrincipal alice = bed.session("a".repeat(64));

  private void end(SessionPrincipal session) {
    bed.wallets.sessionLive(session.walletId(), false);
  }

  private StoredWallet row(String walletId) {
    return bed.wallets.find(walletId).orElseThrow();
  }

  @Test
  void aWalletNoMoneyEverMovedThroughIsOnlyReleased() {
    bed.leased.run(alice.walletId(), w -> w);

    assertEquals(WalletRetirement.Outcome.NOTHING, bed.retirement.retire(alice.walletId()));
    assertFalse(bed.cache.isOpen(alice.walletId()));
    assertEquals(Optional.empty(), bed.wallets.find(alice.walletId()));
  }

  @Test
  void anEmptyWalletIsDeletedRowAndFile() {
    String id = bed.fundedWallet(alice, 0);

    assertEquals(WalletRetirement.Outcome.DELETED, bed.retirement.retire(id));
    assertEquals(Optional.empty(), bed.wallets.find(id));
    assertFalse(bed.files.containsKey(id));
  }

  @Test
  void aWalletHoldingSatsTurnsDormantAndIsListedToItsOwner() {
    String id = bed.fundedWallet(alice, 250);
    bed.clock.advance(Duration.ofMinutes(5));

    assertEquals(WalletRetirement.Outcome.DORMANT, bed.retirement.retire(id));

    StoredWallet row = row(id);
    assertEquals(WalletState.DORMANT, row.state());
    assertEquals(Optional.of(bed.now()), row.dormantSince());
    assertEquals(
        List.of(id),
        bed.wallets.dormantOf(alice.pubkey()).stream().map(StoredWallet::walletId).toList());
    assertTrue(bed.files.containsKey(id));
  }

  @Test
  void retiringADormantWalletAgainKeepsWhenItFellDormant() {
    String id = bed.fundedWallet(alice, 250);
    bed.retirement.retire(id);
    OffsetDateTime since = row(id).dormantSince().orElseThrow();
    bed.clock.advance(Duration.ofHours(3));

    assertEquals(WalletRetirement.Outcome.DORMANT, bed.retirement.retire(id));
    assertEquals(Optional.of(since), row(id).dormantSince());
  }

  @Test
  void anOpenWalletIsReadAgainBeforeItIsJudged() {
    String id = bed.fundedWallet(alice, 0);
    bed.leased.run(id, w -> w);
    // the file gained sats the row does not show yet
    bed.file(id).spendable = 90;
    bed.clock.advance(Duration.ofSeconds(1));

    assertEquals(WalletRetirement.Outcome.DORMANT, bed.retirement.retire(id));
    assertEquals(new WalletBalance(90, 0, 0), row(id).balance());
    assertFalse(bed.cache.isOpen(id));
  }

  @Test
  void anOpenWalletThatTurnsOutEmptyIsDeleted() {
    String id = bed.fundedWallet(alice, 40);
    bed.leased.run(id, w -> w);
    bed.file(id).spendable = 0;
    bed.clock.advance(Duration.ofSeconds(1));

    assertEquals(WalletRetirement.Outcome.DELETED, bed.retirement.retire(id));
    assertFalse(bed.files.containsKey(id));
  }

  @Test
  void anOpenDepositKeepsAnEmptyWalletDormant() {
    bed.cashier.requestLightningDeposit(alice, 500);

    assertEquals(WalletRetirement.Outcome.DORMANT, bed.retirement.retire(alice.walletId()));
    assertEquals(WalletState.DORMANT, row(alice.walletId()).state());
    assertEquals(1, bed.deposits.countOpen(alice.walletId()));
  }

  @Test
  void anEmptyWalletGoesWithItsFinishedDeposits() {
    Deposit deposit = bed.cashier.requestLightningDeposit(alice, 500);
    bed.deposits.markEnded(deposit.id(), DepositState.EXPIRED, "invoice expired unpaid");

    assertEquals(WalletRetirement.Outcome.DELETED, bed.retirement.retire(alice.walletId()));
    assertEquals(List.of(), bed.deposits.all());
  }

  @Test
  void tokensInFlightThatWereAllClaimedLeaveAnEmptyWalletToDelete() {
    String id = bed.fundedWallet(alice, 0);
    bed.file(id).inflight = 60;
    bed.file(id).claimedAtReconcile = 60;
    bed.wallets.recordBalance(id, new WalletBalance(0, 0, 60), bed.now());
    bed.clock.advance(Duration.ofSeconds(1));

    assertEquals(WalletRetirement.Outcome.DELETED, bed.retirement.retire(id));
  }

  @Test
  void tokensInFlightNobodyClaimedKeepTheWalletDormant() {
    String id = bed.fundedWallet(alice, 0);
    bed.file(id).inflight = 60;
    bed.wallets.recordBalance(id, new WalletBalance(0, 0, 60), bed.now());
    bed.clock.advance(Duration.ofSeconds(1));

    assertEquals(WalletRetirement.Outcome.DORMANT, bed.retirement.retire(id));
    assertEquals(new WalletBalance(0, 0, 60), row(id).balance());
  }

  @Test
  void aMintThatCannotSayWhetherTokensWereClaimedKeepsTheWallet() {
    String id = bed.fundedWallet(alice, 0);
    bed.file(id).inflight = 60;
    bed.file(id).claimedAtReconcile = 60;
    bed.file(id).nextFailure = new MintUnreachableException("down");
    bed.wallets.recordBalance(id, new WalletBalance(0, 0, 60), bed.now());

    assertEquals(WalletRetirement.Outcome.DORMANT, bed.retirement.retire(id));
    assertTrue(bed.wallets.find(id).isPresent());
    assertEquals(List.of(WalletMetrics.MintErrorKind.UNREACHABLE), bed.mintErrors);
  }

  @Test
  void anUnfinishedOperationKeepsAnEmptyWallet() {
    String id = bed.fundedWallet(alice, 0);
    bed.leased.run(id, w -> w);
    bed.file(id).openOperations = true;

    assertEquals(WalletRetirement.Outcome.DORMANT, bed.retirement.retire(id));
  }

  @Test
  void aBalanceThatCannotBeReadKeepsTheWallet() {
    String id = bed.fundedWallet(alice, 0);
    bed.leased.run(id, w -> w);
    bed.file(id).unreadable = true;

    assertEquals(WalletRetirement.Outcome.DORMANT, bed.retirement.retire(id));
    assertTrue(bed.files.containsKey(id));
  }

  @Test
  void aWalletLeasedByAnotherRequestIsNotDeletedUnderIt() {
    String id = bed.fundedWallet(alice, 0);
    try (WalletLease held = bed.registry.lease(id)) {
      assertEquals(WalletRetirement.Outcome.DORMANT, bed.retirement.retire(id));
      assertTrue(bed.files.containsKey(id));
      assertEquals(WalletState.DORMANT, row(id).state());
    }
  }

  @Test
  void theSweepRetiresWalletsWhoseSessionEndedUnseenAndLeavesLiveOnes() {
    SessionPrincipal bob = bed.session("b".repeat(64));
    SessionPrincipal carol = bed.session("c".repeat(64));
    String ended = bed.fundedWallet(alice, 10);
    String endedEmpty = bed.fundedWallet(bob, 0);
    String live = bed.fundedWallet(carol, 0);
    end(alice);
    end(bob);

    assertEquals(2, bed.retirement.sweep());

    assertEquals(WalletState.DORMANT, row(ended).state());
    assertEquals(Optional.empty(), bed.wallets.find(endedEmpty));
    assertEquals(WalletState.ACTIVE, row(live).state());
  }

  @Test
  void theSweepDeletesDormantWalletsThatEmptiedOnceTheirSnapshotIsAnIntervalOld() {
    String id = bed.fundedWallet(alice, 0);
    bed.file(id).inflight = 60;
    bed.wallets.recordBalance(id, new WalletBalance(0, 0, 60), bed.now());
    end(alice);
    bed.retirement.retire(id);
    // the recipient claims the token later
    bed.file(id).claimedAtReconcile = 60;

    bed.clock.advance(Duration.ofSeconds(59));
    assertEquals(0, bed.retirement.sweep());
    assertTrue(bed.wallets.find(id).isPresent());

    bed.clock.advance(Duration.ofSeconds(2));
    assertEquals(1, bed.retirement.sweep());
    assertEquals(Optional.empty(), bed.wallets.find(id));
  }

  @Test
  void theSweepLeavesDormantWalletsWithSpendableSatsAlone() {
    String id = bed.fundedWallet(alice, 10);
    end(alice);
    bed.retirement.retire(id);
    bed.clock.advance(Duration.ofDays(30));

    assertEquals(0, bed.retirement.sweep());
    assertEquals(new WalletBalance(10, 0, 0), row(id).balance());
  }

  @Test
  void aWalletThatFailsWhileRetiredIsKeptAndTheSweepGoesOn() {
    SessionPrincipal bob = bed.session("b".repeat(64));
    String broken = bed.fundedWallet(alice, 0);
    String fine = bed.fundedWallet(bob, 0);
    end(alice);
    end(bob);
    bed.leased.run(broken, w -> w);
    bed.leased.run(fine, w -> w);
    bed.file(broken).nextFailure = new IllegalStateException("disk");

    assertEquals(2, bed.retirement.sweep());
    assertEquals(Optional.empty(), bed.wallets.find(fine));
    assertEquals(WalletState.DORMANT, row(broken).state());
    assertTrue(bed.files.containsKey(broken));
  }
}
