package org.openpleb.ee.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpleb.cashu.mint.MintError;
import org.openpleb.cashu.mint.MintException;
import org.openpleb.cashu.mint.MintProtocolException;
import org.openpleb.cashu.mint.MintQuoteState;
import org.openpleb.cashu.mint.MintUnreachableException;
import org.openpleb.ee.session.SessionPrincipal;

/**
 * One check of a Lightning deposit: an unpaid one waits with a growing backoff, a paid one is
 * minted into its wallet and credited exactly once, an expired one ends, and a mint that fails or
 * refuses leaves the deposit where the next check can finish it or ends it with a reason.
 */
class DepositCreditingTest {

  private final WalletTestbed bed = new WalletTestbed();
  private final SessionPrincipal alice = bed.session("a".repeat(64));

  private Deposit request(long amount) {
    return bed.cashier.requestLightningDeposit(alice, amount);
  }

  private Deposit stored(Deposit deposit) {
    return bed.deposits.find(deposit.id()).orElseThrow();
  }

  @Test
  void anUnpaidDepositWaitsOnePollIntervalAfterItsFirstCheck() {
    Deposit deposit = request(500);

    assertEquals(Optional.of(DepositState.PENDING), bed.crediting.check(deposit.id()));

    Deposit after = stored(deposit);
    assertEquals(DepositState.PENDING, after.state());
    assertEquals(1, after.checks());
    assertEquals(bed.now().plus(Duration.ofSeconds(1)), after.nextCheckAt());
    assertEquals(0, bed.file(alice.walletId()).mintCalls);
  }

  @Test
  void aDepositNotDueIsNotCheckedAtAll() {
    Deposit deposit = request(500);
    bed.crediting.check(deposit.id());
    bed.clock.advance(Duration.ofMillis(999));

    assertEquals(Optional.empty(), bed.crediting.check(deposit.id()));
    assertEquals(1, bed.mint.lookups);
    assertEquals(1, stored(deposit).checks());
  }

  @Test
  void theWaitBetweenChecksGrowsByHalf() {
    Deposit deposit = request(500);
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      bed.crediting.check(deposit.id());
      Duration wait = Duration.between(bed.now(), stored(deposit).nextCheckAt());
      waits.add(wait.toMillis());
      bed.clock.advance(wait);
    }

    assertEquals(List.of(1000L, 1500L, 2250L, 3375L), waits);
  }

  @Test
  void aPaidDepositIsMintedIntoItsWalletAndCredited() {
    Deposit deposit = request(700);
    bed.mint.pay(deposit.quoteId());
    bed.clock.advance(Duration.ofSeconds(3));

    assertEquals(Optional.of(DepositState.CREDITED), bed.crediting.check(deposit.id()));

    Deposit after = stored(deposit);
    assertEquals(DepositState.CREDITED, after.state());
    assertEquals(Optional.of(700L), after.creditedAmount());
    assertEquals(Optional.of(bed.now()), after.creditedAt());
    assertEquals(700, bed.file(alice.walletId()).spendable);
    StoredWallet row = bed.wallets.find(alice.walletId()).orElseThrow();
    assertEquals(new WalletBalance(700, 0, 0), row.balance());
    assertEquals(bed.now(), row.balanceAt());
    assertEquals(List.of(700L), bed.credited);
    assertEquals(0, bed.cache.pins(alice.walletId()));
  }

  @Test
  void aCheckThatFailsUnexpectedlyHandsTheDepositBackInsteadOfHoldingItsLease() {
    Deposit deposit = request(700);
    bed.mint.pay(deposit.quoteId());
    bed.clock.advance(Duration.ofSeconds(3));
    bed.leaseFailure = new IllegalStateException("nothing expected this");

    assertEquals(Optional.of(DepositState.PENDING), bed.crediting.check(deposit.id()));
    Deposit after = stored(deposit);
    assertEquals(DepositState.PENDING, after.state());
    assertTrue(
        after.nextCheckAt().isBefore(bed.now().plus(DepositCrediting.MAX_BACKOFF)),
        "held for the check's lease: " + after.nextCheckAt());

    // the owner's next read takes it at once and credits it
    bed.leaseFailure = null;
    assertEquals(Optional.of(DepositState.CREDITED), bed.crediting.checkNow(deposit.id()));
    assertEquals(700, bed.file(alice.walletId()).spendable);
  }

  @Test
  void aPaymentTheMintAnnouncesAsTheCheckSubscribesIsCreditedAtOnce() {
    Deposit deposit = request(700);
    bed.clock.advance(Duration.ofSeconds(3));
    // the invoice is paid between the check's question and its subscription; the mint answers the
    // subscription with the state it has now, PAID, and the notification's check runs at once
    PaidOnSubscribing announcing = new PaidOnSubscribing(bed.mint::pay);
    bed.crediting.self = bed.crediting;
    bed.crediting.notifications = announcing;

    assertEquals(Optional.of(DepositState.PENDING), bed.crediting.check(deposit.id()));

    assertEquals(List.of(deposit.quoteId()), announcing.watched);
    assertEquals(DepositState.CREDITED, stored(deposit).state(), "not left to the next poll");
    assertEquals(700, bed.file(alice.walletId()).spendable);
  }

  @Test
  void aCreditedDepositIsNeverCheckedOrCreditedAgain() {
    Deposit deposit = request(700);
    bed.mint.pay(deposit.quoteId());
    bed.crediting.check(deposit.id());

    bed.clock.advance(Duration.ofHours(1));
    assertEquals(List.of(), bed.deposits.dueIds(bed.now(), 10));
    assertEquals(Optional.empty(), bed.crediting.check(deposit.id()));
    assertEquals(700, bed.file(alice.walletId()).spendable);
    assertEquals(List.of(700L), bed.credited);
    assertEquals(1, bed.file(alice.walletId()).mintCalls);
  }

  @Test
  void aCheckThatDiedAfterMintingIsCreditedOnceByTheNext() {
    Deposit deposit = request(700);
    bed.mint.pay(deposit.quoteId());
    // a server took the deposit, minted it, and died before marking it credited
    assertTrue(bed.deposits.claim(deposit.id(), bed.now(), bed.now().plus(Duration.ofMinutes(2))));
    bed.leased.run(alice.walletId(), w -> w.mintPaidQuote(deposit.quoteId()));
    assertEquals(Optional.empty(), bed.crediting.check(deposit.id()));

    bed.clock.advance(DepositCrediting.CHECK_LEASE);
    assertEquals(Optional.of(DepositState.CREDITED), bed.crediting.check(deposit.id()));

    assertEquals(700, bed.file(alice.walletId()).spendable);
    assertEquals(Optional.of(700L), stored(deposit).creditedAmount());
    assertEquals(List.of(700L), bed.credited);
  }

  @Test
  void twoCheckersRacingForOneDepositCreditItOnce() {
    Deposit deposit = request(300);
    bed.mint.pay(deposit.quoteId());
    DepositCrediting other = new DepositCrediting();
    other.deposits = bed.deposits;
    other.wallets = bed.wallets;
    other.leased = bed.leased;
    other.mint = bed.connection;
    other.config = bed.config;
    other.metrics = bed.metrics;
    other.clock = bed.clock;
    other.notifications = bed.notifications;

    Optional<DepositState> first = bed.crediting.check(deposit.id());
    Optional<DepositState> second = other.check(deposit.id());

    assertEquals(Optional.of(DepositState.CREDITED), first);
    assertEquals(Optional.empty(), second);
    assertEquals(300, bed.file(alice.walletId()).spendable);
    assertEquals(List.of(300L), bed.credited);
  }

  @Test
  void anInvoiceStillUnpaidAfterItsExpiryAndAMinuteOfGraceEndsTheDeposit() {
    bed.mint.expiry = bed.epochSecondIn(Duration.ofMinutes(10));
    Deposit deposit = request(500);

    bed.clock.advance(Duration.ofMinutes(11));
    assertEquals(Optional.of(DepositState.PENDING), bed.crediting.check(deposit.id()));

    bed.clock.advance(Duration.ofSeconds(1));
    assertEquals(Optional.of(DepositState.EXPIRED), bed.crediting.check(deposit.id()));
    Deposit after = stored(deposit);
    assertEquals(DepositState.EXPIRED, after.state());
    assertEquals(Optional.of("invoice expired unpaid"), after.failure());
    assertEquals(List.of(), bed.deposits.dueIds(bed.now().plusDays(1), 10));
    assertEquals(0, bed.deposits.countOpen(alice.walletId()));
  }

  @Test
  void anInvoiceWithoutExpiryIsGivenUpADayAfterItWasAskedFor() {
    Deposit deposit = request(500);

    bed.clock.advance(Duration.ofDays(1));
    assertEquals(Optional.of(DepositState.PENDING), bed.crediting.check(deposit.id()));

    bed.clock.advance(Duration.ofMinutes(2));
    assertEquals(Optional.of(DepositState.EXPIRED), bed.crediting.check(deposit.id()));
  }

  @Test
  void anInvoicePaidAfterItsExpiryIsStillCredited() {
    bed.mint.expiry = bed.epochSecondIn(Duration.ofMinutes(10));
    Deposit deposit = request(500);
    bed.mint.pay(deposit.quoteId());

    bed.clock.advance(Duration.ofHours(2));
    assertEquals(Optional.of(DepositState.CREDITED), bed.crediting.check(deposit.id()));
    assertEquals(500, bed.file(alice.walletId()).spendable);
  }

  @Test
  void aQuoteTheMintRefusesToShowEndsTheDepositWithTheErrorName() {
    Deposit deposit = request(500);
    bed.mint.nextFailure = new MintException(MintError.QUOTE_EXPIRED, "gone");

    assertEquals(Optional.of(DepositState.FAILED), bed.crediting.check(deposit.id()));

    assertEquals(Optional.of("QUOTE_EXPIRED"), stored(deposit).failure());
    assertEquals(List.of(WalletMetrics.MintErrorKind.REFUSED), bed.mintErrors);
  }

  @Test
  void anUnreachableMintLeavesTheDepositOpenForTheNextCheck() {
    Deposit deposit = request(500);
    bed.mint.nextFailure = new MintUnreachableException("down");

    assertEquals(Optional.of(DepositState.PENDING), bed.crediting.check(deposit.id()));
    assertEquals(List.of(WalletMetrics.MintErrorKind.UNREACHABLE), bed.mintErrors);
    assertEquals(bed.now().plusSeconds(1), stored(deposit).nextCheckAt());

    bed.mint.pay(deposit.quoteId());
    bed.clock.advance(Duration.ofSeconds(1));
    assertEquals(Optional.of(DepositState.CREDITED), bed.crediting.check(deposit.id()));
  }

  @Test
  void anAnswerTheWalletCannotAcceptIsCountedAndRetried() {
    Deposit deposit = request(500);
    bed.mint.nextFailure = new MintProtocolException("bad json");

    assertEquals(Optional.of(DepositState.PENDING), bed.crediting.check(deposit.id()));
    assertEquals(List.of(WalletMetrics.MintErrorKind.PROTOCOL), bed.mintErrors);
    assertTrue(stored(deposit).state().open());
  }

  @Test
  void aPaidDepositWhoseMintingFailsOnTheWayStaysPaidAndIsCreditedLater() {
    Deposit deposit = request(400);
    bed.mint.pay(deposit.quoteId());
    bed.file(alice.walletId()).nextFailure = new MintUnreachableException("down");

    assertEquals(Optional.of(DepositState.PAID), bed.crediting.check(deposit.id()));
    assertEquals(DepositState.PAID, stored(deposit).state());
    assertEquals(0, bed.file(alice.walletId()).spendable);
    assertEquals(List.of(WalletMetrics.MintErrorKind.UNREACHABLE), bed.mintErrors);

    bed.clock.advance(Duration.ofSeconds(1));
    assertEquals(Optional.of(DepositState.CREDITED), bed.crediting.check(deposit.id()));
    assertEquals(400, bed.file(alice.walletId()).spendable);
    assertEquals(List.of(400L), bed.credited);
  }

  @Test
  void aWalletThatCrashedWhileMintingIsReopenedAndTheDepositRetried() {
    Deposit deposit = request(400);
    bed.mint.pay(deposit.quoteId());
    bed.file(alice.walletId()).nextFailure = new IllegalStateException("disk");

    assertEquals(Optional.of(DepositState.PAID), bed.crediting.check(deposit.id()));
    bed.clock.advance(Duration.ofSeconds(1));
    assertEquals(Optional.of(DepositState.CREDITED), bed.crediting.check(deposit.id()));

    assertEquals(List.of(alice.walletId(), alice.walletId()), bed.opened);
    assertEquals(400, bed.file(alice.walletId()).spendable);
  }

  @Test
  void aMintThatSaysNotPaidAfterAllPutsTheDepositBackToPending() {
    Deposit deposit = request(400);
    bed.mint.pay(deposit.quoteId());
    bed.file(alice.walletId()).nextFailure = new MintException(MintError.QUOTE_NOT_PAID, "not yet");

    assertEquals(Optional.of(DepositState.PENDING), bed.crediting.check(deposit.id()));
    assertEquals(DepositState.PENDING, stored(deposit).state());
  }

  @Test
  void aQuoteMintedByAnotherWalletFailsTheDepositWithoutCreditingThisOne() {
    Deposit deposit = request(400);
    bed.mint.pay(deposit.quoteId());
    bed.mint.quote(deposit.quoteId()).state = MintQuoteState.ISSUED;

    assertEquals(Optional.of(DepositState.FAILED), bed.crediting.check(deposit.id()));

    assertEquals(Optional.of("minted elsewhere"), stored(deposit).failure());
    assertEquals(0, bed.file(alice.walletId()).spendable);
    assertEquals(List.of(), bed.credited);
  }

  @Test
  void aDefinitiveRefusalToMintFailsTheDeposit() {
    Deposit deposit = request(400);
    bed.mint.pay(deposit.quoteId());
    bed.file(alice.walletId()).nextFailure =
        new MintException(MintError.MINTING_DISABLED, "closed");

    assertEquals(Optional.of(DepositState.FAILED), bed.crediting.check(deposit.id()));
    assertEquals(Optional.of("MINTING_DISABLED"), stored(deposit).failure());
  }

  @Test
  void anInactiveKeysetOrAnUnknownRefusalIsRetriedNotFailed() {
    Deposit first = request(400);
    Deposit second = request(500);
    bed.mint.pay(first.quoteId());
    bed.mint.pay(second.quoteId());
    bed.file(alice.walletId()).nextFailure =
        new MintException(MintError.KEYSET_INACTIVE, "rotated");
    assertEquals(Optional.of(DepositState.PAID), bed.crediting.check(first.id()));
    bed.file(alice.walletId()).nextFailure = new MintException(MintError.UNKNOWN, "?");
    assertEquals(Optional.of(DepositState.PAID), bed.crediting.check(second.id()));

    assertFalse(bed.deposits.all().stream().anyMatch(d -> !d.state().open()));
  }
}
