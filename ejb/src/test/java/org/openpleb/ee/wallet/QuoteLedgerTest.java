package org.openpleb.ee.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpleb.cashu.mint.MintError;
import org.openpleb.cashu.mint.MintException;
import org.openpleb.cashu.mint.MintUnreachableException;
import org.openpleb.ee.idempotency.IdempotencyScope;
import org.openpleb.ee.session.SessionPrincipal;

/**
 * The quote ledger (#14 finding 6): every mint quote is recorded before the mint is asked and held
 * by its deposit before the invoice is returned; a quote left without its deposit or offer (the
 * server died between asking the mint and storing it) is found after the grace, minted into its
 * wallet and credited to the owner exactly once, however many sweeps run at once; unpaid ones are
 * left to expire; a retried request gets the same invoice; quote ids stay sealed and out of logs.
 */
class QuoteLedgerTest {

  private static final Duration PAST_GRACE = Duration.ofMinutes(6);

  private final WalletTestbed bed = new WalletTestbed();
  private final SessionPrincipal alice = bed.session("a".repeat(64));
  private final List<LogRecord> logged = new ArrayList<>();
  private final Logger ledgerLog = Logger.getLogger(QuoteLedger.class.getName());
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          logged.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureLog() {
    ledgerLog.addHandler(capture);
  }

  @AfterEach
  void releaseLog() {
    ledgerLog.removeHandler(capture);
  }

  private QuoteOwner owner() {
    return new QuoteOwner(alice.walletId(), alice.pubkey(), alice.sessionId());
  }

  /** The crash window: the mint was asked and answered, and the deposit row was never stored. */
  private QuoteLedger.Asked askedAndLost(long amount) {
    bed.wallets.addIfAbsent(
        StoredWallet.forSession(alice.walletId(), alice.pubkey(), alice.sessionId(), bed.now()));
    return bed.ledger.ask(
        owner(), QuotePurpose.DEPOSIT, UUID.randomUUID().toString(), null, amount);
  }

  @Test
  void aDepositIsHeldByItsRowBeforeTheInvoiceIsReturnedAndItsQuoteIsSealed() {
    Deposit deposit = bed.cashier.requestLightningDeposit(alice, 2100);

    AskedQuote row = bed.quotes.all().get(0);
    assertEquals(1, bed.quotes.all().size());
    assertEquals(AskedQuoteState.HELD, row.state());
    assertEquals(QuotePurpose.DEPOSIT, row.purpose());
    assertEquals(deposit.id(), row.purposeId());
    assertEquals(2100, row.amount());
    assertEquals(Optional.of(deposit.invoice()), row.invoice());
    String sealed = row.quoteSealed().orElseThrow();
    assertFalse(sealed.contains(deposit.quoteId()), "the quote id is stored sealed");
    assertNotEquals(deposit.quoteId(), row.quoteRef().orElseThrow());
    assertEquals(64, row.quoteRef().orElseThrow().length());
    assertEquals(deposit.quoteId(), bed.seal.open(row.id(), sealed));
    assertThrows(IllegalStateException.class, () -> bed.seal.open("another-row", sealed));
    // a held quote is its deposit's business: the sweep never looks at it
    bed.clock.advance(PAST_GRACE);
    assertEquals(0, bed.ledger.unknownPaidQuotes().looked());
  }

  @Test
  void aPaidQuoteWhoseDepositWasNeverStoredIsCreditedToItsWalletOnce() {
    QuoteLedger.Asked asked = askedAndLost(4321);
    bed.mint.pay(asked.quoteId());

    QuoteSweep early = bed.ledger.unknownPaidQuotes();
    assertEquals(0, early.looked(), "a quote is left to its request for the grace");

    bed.clock.advance(PAST_GRACE);
    QuoteSweep sweep = bed.ledger.unknownPaidQuotes();

    assertEquals(1, sweep.adopted());
    assertEquals(4321, sweep.adoptedSats());
    AskedQuote row = bed.quotes.all().get(0);
    assertEquals(AskedQuoteState.ADOPTED, row.state());
    // the deposit takes the id the lost one was to have
    Deposit deposit = bed.deposits.find(row.purposeId()).orElseThrow();
    assertEquals(Optional.of(deposit.id()), row.depositId());
    assertEquals(DepositState.CREDITED, deposit.state());
    assertEquals(Optional.of(4321L), deposit.creditedAmount());
    assertEquals(alice.walletId(), deposit.walletId());
    assertEquals(4321, bed.file(alice.walletId()).spendable);
    assertEquals(List.of(4321L), bed.credited);

    bed.clock.advance(PAST_GRACE);
    assertEquals(0, bed.ledger.unknownPaidQuotes().looked());
    bed.watcher.watch();
    bed.runExecutor();
    assertEquals(4321, bed.file(alice.walletId()).spendable);
    assertEquals(List.of(4321L), bed.credited);
    assertEquals(1, bed.deposits.all().size());
  }

  @Test
  void sweepsRunningAtOnceCreditALostQuoteExactlyOnce() throws Exception {
    QuoteLedger.Asked asked = askedAndLost(777);
    bed.mint.pay(asked.quoteId());
    bed.clock.advance(PAST_GRACE);

    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<QuoteSweep>> sweeps = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        sweeps.add(bed.ledger::unknownPaidQuotes);
      }
      int adopted = 0;
      for (Future<QuoteSweep> f : pool.invokeAll(sweeps)) {
        adopted += f.get().adopted();
      }
      assertEquals(1, adopted);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(777, bed.file(alice.walletId()).spendable);
    assertEquals(List.of(777L), bed.credited);
    assertEquals(1, bed.deposits.all().size());
  }

  @Test
  void aQuoteTheSweepAdoptedCannotBeHeldByALateRequestAfterwards() {
    QuoteLedger.Asked asked = askedAndLost(500);
    bed.mint.pay(asked.quoteId());
    bed.clock.advance(PAST_GRACE);
    bed.ledger.unknownPaidQuotes();

    assertFalse(bed.quotes.hold(asked.recordId(), bed.now()));
    assertEquals(500, bed.file(alice.walletId()).spendable);
  }

  @Test
  void anUnpaidLostQuoteIsLookedAtAgainUntilItExpiresAndNothingIsCredited() {
    bed.mint.expiry = bed.epochSecondIn(Duration.ofMinutes(30));
    askedAndLost(900);

    bed.clock.advance(PAST_GRACE);
    QuoteSweep first = bed.ledger.unknownPaidQuotes();
    assertEquals(1, first.unpaid());
    assertEquals(AskedQuoteState.RECORDED, bed.quotes.all().get(0).state());

    bed.clock.advance(Duration.ofMinutes(40));
    QuoteSweep later = bed.ledger.unknownPaidQuotes();

    assertEquals(1, later.lapsed());
    assertEquals(AskedQuoteState.LAPSED, bed.quotes.all().get(0).state());
    assertEquals(List.of(), bed.deposits.all());
    assertEquals(0, bed.file(alice.walletId()).spendable);
  }

  @Test
  void aQuoteWhoseMintAnswerWasLostIsWrittenOffAfterTheGrace() {
    String purposeId = UUID.randomUUID().toString();
    bed.quotes.add(
        AskedQuote.asking(
            owner(), QuotePurpose.OFFER, purposeId, null, 1234, bed.now(), bed.now()));

    bed.clock.advance(PAST_GRACE);
    QuoteSweep sweep = bed.ledger.unknownPaidQuotes();

    assertEquals(1, sweep.lost());
    assertEquals(AskedQuoteState.LOST, bed.quotes.all().get(0).state());
    assertTrue(
        logged.stream()
            .anyMatch(
                r ->
                    r.getLevel() == Level.WARNING
                        && format(r).contains(alice.walletId())
                        && format(r).contains("1,234")));
  }

  @Test
  void aMintRefusalLeavesNoRowAndAnUnansweredAskLeavesALostOne() {
    bed.mint.nextFailure = new MintException(MintError.UNKNOWN, "amount not allowed");
    assertThrows(
        WalletOperationException.class, () -> bed.cashier.requestLightningDeposit(alice, 100));
    assertEquals(List.of(), bed.quotes.all());

    bed.mint.nextFailure = new MintUnreachableException("timed out", null);
    assertThrows(
        WalletOperationException.class, () -> bed.cashier.requestLightningDeposit(alice, 100));
    assertEquals(AskedQuoteState.LOST, bed.quotes.all().get(0).state());
    assertEquals(List.of(), bed.deposits.all());
  }

  @Test
  void aRetriedRequestWhoseFirstRunDiedGetsTheSameInvoiceNotASecondQuote() {
    IdempotencyScope scope =
        new IdempotencyScope(alice.pubkey(), "wallet.deposits.lightning", "key-1");
    bed.wallets.addIfAbsent(
        StoredWallet.forSession(alice.walletId(), alice.pubkey(), alice.sessionId(), bed.now()));
    String firstDepositId = UUID.randomUUID().toString();
    QuoteLedger.Asked first =
        bed.ledger.ask(
            owner(), QuotePurpose.DEPOSIT, firstDepositId, QuoteLedger.requestRef(scope), 3000);

    Deposit retried = bed.cashier.requestLightningDeposit(alice, 3000, scope);
    Deposit again = bed.cashier.requestLightningDeposit(alice, 3000, scope);

    assertEquals(1, bed.mint.created, "one quote only");
    assertEquals(firstDepositId, retried.id());
    assertEquals(first.invoice(), retried.invoice());
    assertEquals(retried.id(), again.id());
    assertEquals(1, bed.deposits.all().size());
    assertEquals(AskedQuoteState.HELD, bed.quotes.all().get(0).state());
    assertEquals(
        Optional.of(
            new QuoteLedger.QuoteHolding(
                QuotePurpose.DEPOSIT,
                firstDepositId,
                AskedQuoteState.HELD,
                3000,
                Optional.empty())),
        bed.ledger.ofRequest(scope));
    // another key, or another amount, is another request
    bed.cashier.requestLightningDeposit(
        alice, 3000, new IdempotencyScope(alice.pubkey(), "wallet.deposits.lightning", "key-2"));
    bed.cashier.requestLightningDeposit(alice, 3001, scope);
    assertEquals(3, bed.mint.created);
  }

  @Test
  void aLateRequestWhoseQuoteWasAdoptedAnswersWithTheAdoptedDeposit() {
    IdempotencyScope scope =
        new IdempotencyScope(alice.pubkey(), "wallet.deposits.lightning", "key-9");
    bed.wallets.addIfAbsent(
        StoredWallet.forSession(alice.walletId(), alice.pubkey(), alice.sessionId(), bed.now()));
    QuoteLedger.Asked first =
        bed.ledger.ask(
            owner(),
            QuotePurpose.DEPOSIT,
            UUID.randomUUID().toString(),
            QuoteLedger.requestRef(scope),
            650);
    bed.mint.pay(first.quoteId());
    bed.clock.advance(PAST_GRACE);
    bed.ledger.unknownPaidQuotes();

    Deposit retried = bed.cashier.requestLightningDeposit(alice, 650, scope);

    assertEquals(DepositState.CREDITED, retried.state());
    assertEquals(1, bed.mint.created);
    assertEquals(650, bed.file(alice.walletId()).spendable);
  }

  @Test
  void aLostOfferInvoiceIsCreditedToTheMakersWalletAsADeposit() {
    String offerId = UUID.randomUUID().toString();
    QuoteLedger.Asked asked = bed.ledger.ask(owner(), QuotePurpose.OFFER, offerId, null, 12_345);
    bed.mint.pay(asked.quoteId());
    bed.clock.advance(PAST_GRACE);

    QuoteSweep sweep = bed.ledger.unknownPaidQuotes();

    assertEquals(1, sweep.adopted());
    // the wallet row is recorded first: the wallet never held anything before
    assertTrue(bed.wallets.find(alice.walletId()).isPresent());
    Deposit deposit = bed.deposits.all().get(0);
    assertNotEquals(offerId, deposit.id());
    assertEquals(DepositState.CREDITED, deposit.state());
    assertEquals(12_345, bed.file(alice.walletId()).spendable);
  }

  @Test
  void aReusedOfferInvoiceIsTheUnheldOneWhileItStaysPayable() {
    bed.mint.expiry = bed.epochSecondIn(Duration.ofMinutes(60));
    String offerId = UUID.randomUUID().toString();
    QuoteLedger.Asked asked = bed.ledger.ask(owner(), QuotePurpose.OFFER, offerId, null, 800);

    assertEquals(
        Optional.of(asked.quoteId()),
        bed.ledger.unheld(QuotePurpose.OFFER, offerId, 800).map(QuoteLedger.Asked::quoteId));
    assertEquals(Optional.empty(), bed.ledger.unheld(QuotePurpose.OFFER, offerId, 801));
    bed.clock.advance(Duration.ofMinutes(56));
    assertEquals(Optional.empty(), bed.ledger.unheld(QuotePurpose.OFFER, offerId, 800));
  }

  @Test
  void noLogLineCarriesAQuoteId() {
    QuoteLedger.Asked paid = askedAndLost(100);
    bed.mint.pay(paid.quoteId());
    QuoteLedger.Asked unpaid = askedAndLost(200);
    bed.clock.advance(PAST_GRACE);
    bed.ledger.unknownPaidQuotes();

    assertFalse(logged.isEmpty());
    for (LogRecord r : logged) {
      assertFalse(format(r).contains(paid.quoteId()), format(r));
      assertFalse(format(r).contains(unpaid.quoteId()), format(r));
    }
    assertFalse(paid.toString().contains(paid.quoteId()));
  }

  private static String format(LogRecord r) {
    return new java.util.logging.SimpleFormatter().formatMessage(r);
  }
}
