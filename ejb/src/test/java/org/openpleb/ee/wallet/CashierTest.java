package org.openpleb.ee.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpleb.cashu.mint.MintUnreachableException;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.session.SessionPrincipal;

/**
 * The cashier's paths that record things: a Lightning deposit stores the wallet row and a pending
 * deposit due at once, refuses amounts it could not mint before asking the mint, shows a deposit
 * only to its owner; a token deposit or withdrawal writes the snapshot after the work, re-lists a
 * wallet whose row vanished meanwhile, and withdraws from a dormant wallet only of the same user.
 */
class CashierTest {

  private final WalletTestbed bed = new WalletTestbed();
  private final SessionPrincipal alice = bed.session("a".repeat(64));

  @Test
  void aLightningDepositRecordsTheWalletAndAPendingDepositDueAtOnce() {
    bed.mint.expiry = bed.epochSecondIn(Duration.ofMinutes(15));

    Deposit deposit = bed.cashier.requestLightningDeposit(alice, 2100);

    StoredWallet row = bed.wallets.find(alice.walletId()).orElseThrow();
    assertEquals(WalletState.ACTIVE, row.state());
    assertEquals(WalletBalance.ZERO, row.balance());
    assertEquals(alice.pubkey(), row.pubkey());
    Deposit stored = bed.deposits.find(deposit.id()).orElseThrow();
    assertEquals(DepositState.PENDING, stored.state());
    assertEquals(2100, stored.amount());
    assertEquals(alice.walletId(), stored.walletId());
    assertEquals(2100, bed.mint.quote(stored.quoteId()).amount);
    assertTrue(stored.invoice().startsWith("lnbcrt"));
    assertEquals(
        Optional.of(WalletTestbed.utc(Instant.ofEpochSecond(bed.mint.expiry))), stored.expiresAt());
    assertEquals(List.of(deposit.id()), bed.deposits.dueIds(bed.now(), 10));
    // nothing is opened until the invoice is paid
    assertEquals(List.of(), bed.opened);
  }

  @Test
  void aSecondDepositKeepsTheWalletRowAsItWas() {
    bed.cashier.requestLightningDeposit(alice, 100);
    StoredWallet first = bed.wallets.find(alice.walletId()).orElseThrow();
    bed.clock.advance(Duration.ofMinutes(1));

    bed.cashier.requestLightningDeposit(alice, 200);

    assertEquals(first.createdAt(), bed.wallets.find(alice.walletId()).orElseThrow().createdAt());
    assertEquals(2, bed.deposits.countOpen(alice.walletId()));
  }

  @Test
  void anAmountAboveTheTokenLimitIsRefusedBeforeTheMintIsAsked() {
    DomainException refused =
        assertThrows(
            DomainException.class, () -> bed.cashier.requestLightningDeposit(alice, 100_001));

    assertEquals(ProblemCode.VALIDATION_FAILED, refused.code());
    assertEquals(0, bed.mint.created);
    assertEquals(List.of(), bed.deposits.all());
    assertEquals(Optional.empty(), bed.wallets.find(alice.walletId()));
  }

  @Test
  void aZeroOrNegativeAmountIsRefused() {
    for (long amount : new long[] {0, -1, Long.MIN_VALUE}) {
      DomainException refused =
          assertThrows(
              DomainException.class, () -> bed.cashier.requestLightningDeposit(alice, amount));
      assertEquals(ProblemCode.VALIDATION_FAILED, refused.code());
    }
    assertEquals(0, bed.mint.created);
  }

  @Test
  void anUnreachableMintStoresNoDepositAndIsCounted() {
    bed.mint.nextFailure = new MintUnreachableException("down");

    WalletOperationException refused =
        assertThrows(
            WalletOperationException.class, () -> bed.cashier.requestLightningDeposit(alice, 100));

    assertEquals(ProblemCode.MINT_UNAVAILABLE, refused.code());
    assertEquals(List.of(), bed.deposits.all());
    assertEquals(List.of(WalletMetrics.MintErrorKind.UNREACHABLE), bed.mintErrors);
  }

  @Test
  void aDepositIsShownToItsOwnerByItsIdInAnyCase() {
    Deposit deposit = bed.cashier.requestLightningDeposit(alice, 100);
    SessionPrincipal laterSession = bed.session(alice.pubkey());

    Deposit shown = bed.cashier.deposit(laterSession, "  " + deposit.id().toUpperCase() + " ");

    assertEquals(deposit.id(), shown.id());
  }

  @Test
  void readingAnOpenDepositLooksAtItsInvoiceOnceAndTheLookCreditsItWhenPaid() {
    Deposit deposit = bed.cashier.requestLightningDeposit(alice, 700);
    bed.mint.pay(deposit.quoteId());

    assertEquals(DepositState.PENDING, bed.cashier.deposit(alice, deposit.id()).state());
    bed.cashier.deposit(alice, deposit.id());

    // one look for both reads (within the spacing), queued on the mint executor
    assertEquals(1, bed.executorQueue.size());
    bed.executorQueue.poll().run();
    assertEquals(DepositState.CREDITED, bed.cashier.deposit(alice, deposit.id()).state());
    assertEquals(700, bed.file(alice.walletId()).spendable);
    assertEquals(0, bed.executorQueue.size(), "a credited deposit is not looked at again");
  }

  @Test
  void aLookOnReadAtAnUnpaidDepositLeavesTheWatchersScheduleAsItWas() {
    Deposit deposit = bed.cashier.requestLightningDeposit(alice, 700);
    Deposit before = bed.deposits.find(deposit.id()).orElseThrow();

    for (int i = 0; i < 5; i++) {
      bed.cashier.deposit(alice, deposit.id());
      bed.executorQueue.poll().run();
      bed.clock.advance(Duration.ofSeconds(1));
    }

    Deposit after = bed.deposits.find(deposit.id()).orElseThrow();
    assertEquals(DepositState.PENDING, after.state());
    assertEquals(before.nextCheckAt(), after.nextCheckAt(), "no later next check");
    assertEquals(before.checks(), after.checks(), "no longer backoff");
  }

  @Test
  void aLookOnReadLeavesADepositAnotherCheckHoldsAlone() {
    Deposit deposit = bed.cashier.requestLightningDeposit(alice, 700);
    bed.mint.pay(deposit.quoteId());
    // the watcher's check holds it (its lease outlasts any backoff)
    assertTrue(bed.deposits.claim(deposit.id(), bed.now(), bed.now().plusMinutes(2)));

    bed.cashier.deposit(alice, deposit.id());
    bed.executorQueue.poll().run();

    assertEquals(DepositState.PENDING, bed.deposits.find(deposit.id()).orElseThrow().state());
    assertEquals(0, bed.file(alice.walletId()).spendable);
  }

  @Test
  void anotherUsersDepositIsNotFound() {
    Deposit deposit = bed.cashier.requestLightningDeposit(alice, 100);
    SessionPrincipal mallory = bed.session("f".repeat(64));

    DomainException refused =
        assertThrows(DomainException.class, () -> bed.cashier.deposit(mallory, deposit.id()));
    assertEquals(ProblemCode.NOT_FOUND, refused.code());
    assertEquals(
        ProblemCode.NOT_FOUND,
        assertThrows(DomainException.class, () -> bed.cashier.deposit(mallory, null)).code());
  }

  @Test
  void aTokenDepositWritesTheBalanceAfterTheWork() {
    bed.clock.advance(Duration.ofSeconds(1));

    TokenReceipt receipt = bed.cashier.depositToken(alice, " cashuA300 ");

    assertEquals(300, receipt.amount());
    assertEquals(new WalletBalance(300, 0, 0), receipt.balance());
    StoredWallet row = bed.wallets.find(alice.walletId()).orElseThrow();
    assertEquals(new WalletBalance(300, 0, 0), row.balance());
    assertEquals(bed.now(), row.balanceAt());
  }

  @Test
  void aWalletWhoseRowVanishedDuringAMovementIsListedAgainAsDormant() {
    String id = bed.fundedWallet(alice, 50);
    bed.clock.advance(Duration.ofSeconds(1));
    // the session ended meanwhile and its wallet was judged empty and deleted
    bed.file(id).duringNextReceive = () -> bed.wallets.delete(id);

    bed.cashier.depositToken(alice, "cashuA300");

    StoredWallet row = bed.wallets.find(id).orElseThrow();
    assertEquals(WalletState.DORMANT, row.state());
    assertEquals(new WalletBalance(350, 0, 0), row.balance());
    assertEquals(alice.pubkey(), row.pubkey());
  }

  @Test
  void aBlankTokenIsRefusedWithoutOpeningTheWallet() {
    DomainException refused =
        assertThrows(DomainException.class, () -> bed.cashier.depositToken(alice, "  "));

    assertEquals(ProblemCode.VALIDATION_FAILED, refused.code());
    assertEquals(List.of(), bed.opened);
  }

  @Test
  void aWithdrawalFromAWalletThatNeverHeldAnythingOpensNothing() {
    DomainException refused =
        assertThrows(
            DomainException.class, () -> bed.cashier.withdrawToken(alice, 10, false, null));

    assertEquals(ProblemCode.INSUFFICIENT_FUNDS, refused.code());
    assertEquals(List.of(), bed.opened);
  }

  @Test
  void aLockedTokenWithdrawalIsLockedToTheSessionKeyAndRecordsTheBalance() {
    String id = bed.fundedWallet(alice, 500);
    bed.clock.advance(Duration.ofSeconds(1));

    TokenWithdrawal sent = bed.cashier.withdrawToken(alice, 120, true, null);

    assertEquals(id, sent.walletId());
    assertEquals("02" + alice.pubkey(), sent.lockedTo());
    assertEquals(new WalletBalance(380, 0, 120), sent.balance());
    assertEquals(new WalletBalance(380, 0, 120), bed.wallets.find(id).orElseThrow().balance());
  }

  @Test
  void aWithdrawalMayTakeFromTheSameUsersDormantWallet() {
    SessionPrincipal earlier = bed.session(alice.pubkey());
    String dormant = bed.fundedWallet(earlier, 400);
    bed.wallets.markDormant(dormant, bed.now());
    bed.clock.advance(Duration.ofSeconds(1));

    TokenWithdrawal sent = bed.cashier.withdrawToken(alice, 100, false, dormant.toUpperCase());

    assertEquals(dormant, sent.walletId());
    assertEquals(300, bed.file(dormant).spendable);
    assertEquals(new WalletBalance(300, 0, 100), bed.wallets.find(dormant).orElseThrow().balance());
  }

  @Test
  void anotherUsersDormantWalletOrAnActiveOneIsNotFound() {
    SessionPrincipal mallory = bed.session("f".repeat(64));
    String theirs = bed.fundedWallet(mallory, 400);
    bed.wallets.markDormant(theirs, bed.now());
    SessionPrincipal aliceElsewhere = bed.session(alice.pubkey());
    String active = bed.fundedWallet(aliceElsewhere, 400);

    for (String target : List.of(theirs, active)) {
      DomainException refused =
          assertThrows(
              DomainException.class, () -> bed.cashier.withdrawToken(alice, 10, false, target));
      assertEquals(ProblemCode.NOT_FOUND, refused.code());
    }
    assertEquals(400, bed.file(theirs).spendable);
    assertEquals(400, bed.file(active).spendable);
    assertEquals(List.of(), bed.opened);
  }

  @Test
  void theOverviewListsTheUsersOtherDormantWalletsFromTheSnapshots() {
    SessionPrincipal earlier = bed.session(alice.pubkey());
    String dormant = bed.fundedWallet(earlier, 400);
    OffsetDateTime since = bed.now().plusMinutes(1);
    bed.wallets.markDormant(dormant, since);
    SessionPrincipal mallory = bed.session("f".repeat(64));
    bed.wallets.markDormant(bed.fundedWallet(mallory, 9), bed.now());
    // the session's own wallet, listed again as dormant after it lost its row, is its balance
    String own = bed.fundedWallet(alice, 70);
    bed.wallets.markDormant(own, bed.now());

    WalletOverview overview = bed.cashier.overview(alice);

    assertEquals(new WalletBalance(70, 0, 0), overview.balance());
    assertEquals(
        List.of(new DormantWallet(dormant, new WalletBalance(400, 0, 0), since)),
        overview.dormant());
    assertEquals(List.of(), bed.opened);
  }
}
