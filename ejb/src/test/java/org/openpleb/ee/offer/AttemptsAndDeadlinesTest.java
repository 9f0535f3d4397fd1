package org.openpleb.ee.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.ee.offer.TradeDesk.B;
import static org.openpleb.ee.offer.TradeDesk.F;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.settlement.HoldOwner;
import org.openpleb.ee.settlement.TradeWallets;
import org.openpleb.ee.wallet.PaidOnSubscribing;

/**
 * Funding and claim attempts, deadlines and lost races, with the clock moved by hand: an attempt
 * holds the offer alone and only while its time runs, a refused or dead request leaves nothing
 * reserved, a party acts only before the deadline, every deadline counts from entering its state,
 * and a change that lost a race changes nothing.
 */
class AttemptsAndDeadlinesTest {

  private final TradeDesk desk = new TradeDesk();

  private OffsetDateTime now() {
    return OffsetDateTime.now(desk.clock);
  }

  @Test
  void aSecondClaimIsRefusedWhileTheFirstHoldsTheOffer() {
    Trader maker = desk.trader(F);
    String id = desk.funded(maker);
    Trader first = desk.trader(B);
    Trader second = desk.trader(B);
    desk.transitions.startAttempt(id, AttemptKind.CLAIM, first);

    DomainException refused =
        assertThrows(DomainException.class, () -> desk.trading.claim(id, second, null));

    assertEquals(ProblemCode.CONFLICT, refused.code());
    assertEquals(
        B, desk.wallets.spendable(second.walletId().value()), "nothing held for the loser");
    assertEquals(first.pubkey().hex(), desk.offer(id).attemptPubkey().orElseThrow());
  }

  @Test
  void aClaimWhoseHoldFailsLetsTheOfferGoAtOnce() {
    Trader maker = desk.trader(F);
    String id = desk.funded(maker);
    Trader poor = desk.trader(B - 1);

    DomainException refused =
        assertThrows(DomainException.class, () -> desk.trading.claim(id, poor, null));

    assertEquals(ProblemCode.INSUFFICIENT_FUNDS, refused.code());
    assertTrue(desk.offer(id).attemptId().isEmpty());
    assertEquals(B - 1, desk.wallets.spendable(poor.walletId().value()));
    desk.trading.claim(id, desk.trader(B), null);
    assertEquals(OfferState.CLAIMED, desk.status(id));
  }

  @Test
  void anAttemptThatRanOutOfTimeCannotCommitAndTheSweeperReleasesItsHold() {
    Trader maker = desk.trader(F);
    String id = desk.created(maker);
    String attempt = desk.transitions.startAttempt(id, AttemptKind.FUND, maker);
    HoldOwner owner = AttemptKind.FUND.holdOwner(id, attempt);
    desk.wallets.hold(
        new org.openpleb.ee.settlement.TradeWallets.WalletRef(
            maker.walletId().value(), maker.pubkey().hex(), maker.sessionId()),
        F,
        owner.key());
    desk.advance(TradeDesk.ATTEMPT);

    DomainException late =
        assertThrows(
            DomainException.class,
            () -> desk.transitions.funded(id, attempt, maker, FundingMethod.BALANCE, owner, 0));
    assertEquals(ProblemCode.CONFLICT, late.code());
    assertEquals(0, desk.sweeper.sweep().undone(), "a slow request gets a minute's grace");

    desk.advance(Duration.ofMinutes(1).plusSeconds(1));
    assertEquals(1, desk.sweeper.sweep().undone());

    assertTrue(desk.offer(id).attemptId().isEmpty());
    assertEquals(OfferState.CREATED, desk.status(id));
    assertEquals(F, desk.wallets.spendable(maker.walletId().value()));
    assertEquals(0, desk.wallets.held(maker.walletId().value()));
  }

  @Test
  void droppingAnAttemptLeavesAnotherAttemptAlone() {
    Trader maker = desk.trader(F);
    String id = desk.funded(maker);
    String attempt = desk.transitions.startAttempt(id, AttemptKind.CLAIM, desk.trader(B));

    assertFalse(desk.transitions.dropAttempt(id, "some-other-attempt"));
    assertEquals(attempt, desk.offer(id).attemptId().orElseThrow());
    assertTrue(desk.transitions.dropAttempt(id, attempt));
    assertTrue(desk.offer(id).attemptId().isEmpty());
  }

  @Test
  void aMakerCannotClaimTheirOwnOffer() {
    Trader maker = desk.trader(F + B);
    String id = desk.funded(maker);

    DomainException refused =
        assertThrows(DomainException.class, () -> desk.trading.claim(id, maker, null));

    assertEquals(ProblemCode.FORBIDDEN, refused.code());
    assertEquals(B, desk.wallets.spendable(maker.walletId().value()));
  }

  @Test
  void aPartyActsOnlyBeforeTheDeadlineEvenIfTheSweeperHasNotRunYet() {
    Trader maker = desk.trader(F);
    String id = desk.funded(maker);
    Trader taker = desk.trader(B);
    desk.advance(TradeDesk.INVOICE_PAID);

    DomainException late =
        assertThrows(DomainException.class, () -> desk.trading.claim(id, taker, null));

    assertEquals(ProblemCode.CONFLICT, late.code());
    assertEquals(B, desk.wallets.spendable(taker.walletId().value()));
    assertEquals(OfferState.INVOICE_PAID, desk.status(id));
  }

  @Test
  void eachDeadlineCountsFromEnteringItsState() {
    Trader maker = desk.trader(F);
    String id = desk.funded(maker);
    OffsetDateTime funded = now();
    assertEquals(funded.plus(TradeDesk.INVOICE_PAID), desk.offer(id).expiresAt().orElseThrow());
    desk.advance(TradeDesk.INVOICE_PAID.minusSeconds(1));

    desk.trading.claim(id, desk.trader(B), null);

    OffsetDateTime deadline = desk.offer(id).expiresAt().orElseThrow();
    assertEquals(now().plus(TradeDesk.CLAIMED), deadline);
    assertTrue(deadline.isAfter(funded.plus(TradeDesk.INVOICE_PAID)));
    desk.advance(TradeDesk.CLAIMED.minusSeconds(1));
    assertEquals(0, desk.sweeper.sweep().expired());
    desk.advance(Duration.ofSeconds(1));
    assertEquals(1, desk.sweeper.sweep().expired());
    assertEquals(OfferState.EXPIRED, desk.status(id));
  }

  @Test
  void aDisputeWaitsForTheAdminPastEveryDeadline() {
    Trader maker = desk.trader(F);
    Trader taker = desk.trader(B);
    String id = desk.funded(maker);
    desk.trading.claim(id, taker, null);
    desk.trading.submitReceipt(id, taker, TradeDesk.receipt());
    desk.trading.markIssue(id, maker, "nothing arrived");
    desk.trading.counter(id, taker, "I paid");

    desk.advance(Duration.ofDays(30));

    assertEquals(0, desk.sweeper.sweep().expired());
    assertEquals(OfferState.DISPUTED, desk.status(id));
    assertTrue(desk.offer(id).expiresAt().isEmpty());
  }

  @Test
  void aChangeThatLostARaceChangesNothing() {
    Trader maker = desk.trader(F);
    Trader taker = desk.trader(B);
    String id = desk.funded(maker);
    desk.trading.claim(id, taker, null);
    desk.trading.submitReceipt(id, taker, TradeDesk.receipt());
    int audited = desk.offer(id).auditSeq();
    // the maker's other request marks an issue between this one's read and its write
    desk.offers.beforeNextApply =
        offer -> offer.enter(OfferState.MARKED_WITH_ISSUE, now(), now().plusHours(1), null);

    DomainException lost =
        assertThrows(DomainException.class, () -> desk.trading.approve(id, maker, null));

    assertEquals(ProblemCode.CONFLICT, lost.code());
    assertEquals(OfferState.MARKED_WITH_ISSUE, desk.status(id));
    assertTrue(desk.ledger.find(id).isEmpty(), "nothing settled");
    assertEquals(audited, desk.offer(id).auditSeq(), "nothing audited");
  }

  @Test
  void anOfferWhoseExpiryFailedWaitsForItsRetry() {
    Trader maker = desk.trader(0);
    String id = desk.created(maker);
    desk.advance(TradeDesk.CREATED);
    assertEquals(java.util.List.of(id), desk.offers.dueIds(now(), 10));

    desk.transitions.expiryFailed(id, now().plusSeconds(5), 1);

    assertTrue(desk.offers.dueIds(now(), 10).isEmpty());
    assertEquals(1, desk.offer(id).sweepFailures());
    desk.advance(Duration.ofSeconds(5));
    assertEquals(1, desk.sweeper.sweep().expired());
    assertEquals(0, desk.offer(id).sweepFailures(), "a state change clears the backoff");
  }

  @Test
  void anInvoicePaidAfterItsOfferExpiredIsCreditedToTheMaker() {
    Trader maker = desk.trader(0);
    String id = desk.created(maker);
    desk.trading.requestInvoice(id, maker);
    desk.advance(TradeDesk.INVOICE_CREATED);
    assertEquals(1, desk.sweeper.sweep().expired());
    desk.wallets.pay(desk.offer(id).quoteId().orElseThrow());

    assertEquals(QuoteWatch.CREDITED, desk.watcher.check(id).orElseThrow());

    assertEquals(OfferState.EXPIRED, desk.status(id));
    assertEquals(F, desk.wallets.spendable(maker.walletId().value()));
    assertEquals(0, desk.wallets.held(maker.walletId().value()));
    assertEquals(
        "INVOICE_CREDITED", desk.offers.audit(id).get(desk.offer(id).auditSeq() - 1).action());
  }

  @Test
  void anUnpaidInvoiceIsLookedAtAgainLaterAndByOneLookAtATime() {
    Trader maker = desk.trader(0);
    String id = desk.created(maker);
    desk.trading.requestInvoice(id, maker);
    OffsetDateTime due = desk.offer(id).quoteNextCheckAt().orElseThrow();

    assertEquals(QuoteWatch.WATCHING, desk.watcher.check(id).orElseThrow());

    Offer looked = desk.offer(id);
    assertEquals(1, looked.quoteChecks());
    assertEquals(now().plusSeconds(1), looked.quoteNextCheckAt().orElseThrow());
    assertFalse(
        desk.transitions.takeQuoteCheck(id, due, now().plusMinutes(2)),
        "a look taken at a time that is no longer due takes nothing");
    assertEquals(0, desk.watcher.watch(), "not due yet");
    desk.advance(Duration.ofSeconds(1));
    assertEquals(1, desk.watcher.watch());
    assertEquals(2, desk.offer(id).quoteChecks());
  }

  @Test
  void aPaymentTheMintAnnouncesAsTheLookSubscribesFundsTheOfferAtOnce() {
    Trader maker = desk.trader(0);
    String id = desk.created(maker);
    desk.trading.requestInvoice(id, maker);
    // the invoice is paid between the look's question and its subscription; the mint answers the
    // subscription with the state it has now, PAID, and the notification's look runs at once
    PaidOnSubscribing announcing = new PaidOnSubscribing(desk.wallets::pay);
    desk.watcher.self = desk.watcher;
    desk.watcher.notifications = announcing;

    assertEquals(QuoteWatch.WATCHING, desk.watcher.check(id).orElseThrow());

    assertEquals(List.of(desk.offer(id).quoteId().orElseThrow()), announcing.watched);
    assertEquals(OfferState.INVOICE_PAID, desk.status(id), "not left to the next poll");
    assertEquals(F, desk.wallets.held(maker.walletId().value()));
  }

  @Test
  void theTimersLookLeavesAnInvoiceAnotherLookHoldsAlone() {
    Trader maker = desk.trader(0);
    String id = desk.created(maker);
    desk.trading.requestInvoice(id, maker);
    desk.wallets.pay(desk.offer(id).quoteId().orElseThrow());
    // the timer listed it as due; before its look starts, a look on read takes it
    OffsetDateTime due = desk.offer(id).quoteNextCheckAt().orElseThrow();
    assertTrue(desk.transitions.takeQuoteCheck(id, due, now().plusMinutes(2)));

    assertEquals(Optional.empty(), desk.watcher.check(id), "a second look beside the first");
    assertEquals(OfferState.INVOICE_CREATED, desk.status(id));
  }

  @Test
  void aLookThatFindsItsInvoiceFundedByAnotherLookLeavesTheEscrowHeld() {
    Trader maker = desk.trader(0);
    String id = desk.created(maker);
    desk.trading.requestInvoice(id, maker);
    desk.wallets.pay(desk.offer(id).quoteId().orElseThrow());
    TradeWallets real = desk.wallets;
    // while this look mints, another look (minting the same quote, idempotently) funds the offer
    desk.watcher.wallets =
        (TradeWallets)
            Proxy.newProxyInstance(
                TradeWallets.class.getClassLoader(),
                new Class<?>[] {TradeWallets.class},
                (proxy, method, args) -> {
                  Object result;
                  try {
                    result = method.invoke(real, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                  if (method.getName().equals("mintHeld")) {
                    assertTrue(desk.transitions.invoicePaid(id, (Long) result).isPresent());
                  }
                  return result;
                });

    assertEquals(QuoteWatch.MINTED, desk.watcher.check(id).orElseThrow());

    assertEquals(OfferState.INVOICE_PAID, desk.status(id));
    assertEquals(F, desk.wallets.held(maker.walletId().value()), "the escrow stays held");
    assertEquals(0, desk.wallets.spendable(maker.walletId().value()));
  }

  @Test
  void anUnpaidInvoiceLapsesAMinuteAfterItExpires() {
    Trader maker = desk.trader(0);
    String id = desk.created(maker);
    desk.trading.requestInvoice(id, maker);
    OffsetDateTime expires = desk.offer(id).quoteExpiresAt().orElseThrow();
    desk.advance(Duration.between(now(), expires).plusMinutes(1).plusSeconds(1));

    assertEquals(QuoteWatch.LAPSED, desk.watcher.check(id).orElseThrow());
    assertEquals(QuoteWatch.LAPSED, desk.offer(id).quoteState().orElseThrow());
  }

  @Test
  void theOpenOfferLimitCountsUnfinishedOffers() {
    Trader maker = desk.trader(0);
    for (int i = 0; i < 5; i++) {
      desk.created(maker);
    }

    DomainException refused = assertThrows(DomainException.class, () -> desk.created(maker));

    assertEquals(ProblemCode.CONFLICT, refused.code());
    desk.advance(TradeDesk.CREATED);
    desk.sweeper.sweep();
    desk.created(maker);
  }

  @Test
  void everyChangeIsChainedInTheAuditLog() {
    Trader maker = desk.trader(F);
    Trader taker = desk.trader(B);
    String id = desk.funded(maker);
    desk.trading.claim(id, taker, null);
    desk.trading.submitReceipt(id, taker, TradeDesk.receipt());
    desk.trading.approve(id, maker, "thanks");

    java.util.List<AuditRecord> log = desk.offers.audit(id);
    assertEquals(
        java.util.List.of("CREATE", "FUND", "CLAIM", "SUBMIT_RECEIPT", "APPROVE"),
        log.stream().map(AuditRecord::action).toList());
    for (int i = 1; i < log.size(); i++) {
      assertEquals(log.get(i - 1).hash(), log.get(i).previousHash());
    }
    assertEquals("thanks", desk.offer(id).makerFeedback().orElseThrow());
  }
}
