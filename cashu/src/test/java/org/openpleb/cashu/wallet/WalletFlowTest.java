package org.openpleb.cashu.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpleb.cashu.crypto.Bdhke;
import org.openpleb.cashu.crypto.Secp256k1;
import org.openpleb.cashu.mint.MintClient;
import org.openpleb.cashu.mint.MintError;
import org.openpleb.cashu.mint.MintException;
import org.openpleb.cashu.mint.MintQuoteState;
import org.openpleb.cashu.store.OperationKind;
import org.openpleb.cashu.store.OperationState;
import org.openpleb.cashu.store.ProofState;
import org.openpleb.cashu.token.Token;
import org.openpleb.cashu.token.TokenCodec;
import org.openpleb.devmint.DevMint;
import org.openpleb.devmint.MeltOutcome;

/** The wallet's operations against the dev mint, with input fees of 0 and 100 ppk. */
class WalletFlowTest {

  private static final AtomicInteger NAMES = new AtomicInteger();
  static DevMint free;
  static DevMint charging;

  @TempDir Path dir;
  private final List<Wallet> opened = new java.util.ArrayList<>();

  @BeforeAll
  static void startMints() {
    free = MintFixture.startMint(0);
    charging = MintFixture.startMint(100);
  }

  @AfterAll
  static void stopMints() {
    free.close();
    charging.close();
  }

  @BeforeEach
  void resetMints() {
    for (DevMint m : List.of(free, charging)) {
      m.control().reset();
      m.control().setAutoPay(true);
    }
  }

  @AfterEach
  void closeWallets() {
    opened.forEach(Wallet::close);
  }

  private DevMint mint(long ppk) {
    return ppk == 0 ? free : charging;
  }

  private Wallet wallet(DevMint mint) {
    String name = "w" + NAMES.incrementAndGet();
    Wallet w = MintFixture.open(dir.resolve(name + ".db"), mint, MintFixture.seed(name));
    opened.add(w);
    return w;
  }

  private static long feeFor(int inputs, long ppk) {
    return (inputs * ppk + 999) / 1000;
  }

  private static Token decode(Wallet w, String token) {
    return TokenCodec.decodeUnresolved(token);
  }

  @Test
  void aWalletOfAFewDozenProofsTakesAtMostSixtyFourKibOnDisk() throws Exception {
    Wallet w = wallet(free);
    MintFixture.fund(w, (1L << 29) - 1); // one proof of each power of two: 29 proofs
    w.send(1); // the 1-sat proof goes, no swap
    int proofs = w.store().allProofs().size();
    Path file = w.store().file();
    opened.remove(w);
    w.close();
    assertTrue(proofs >= 29, proofs + " proofs stored");
    assertFalse(Files.exists(Path.of(file + "-wal")), "closing checkpoints and drops the WAL");
    long size = Files.size(file);
    assertTrue(size <= 64 * 1024, "wallet file of " + proofs + " proofs: " + size + " bytes");
  }

  @ParameterizedTest(name = "input fee {0} ppk")
  @ValueSource(longs = {0, 100})
  void mintSendReceiveAndCheckstateKeepEverySat(long ppk) {
    DevMint mint = mint(ppk);
    MintClient client = MintFixture.client(mint);
    Wallet alice = wallet(mint);
    Wallet bob = wallet(mint);

    MintResult minted = MintFixture.fund(alice, 1000);
    assertEquals(1000, minted.amount());
    assertEquals(new Balance(1000, 0, 0), alice.balance());

    SendResult sent = alice.send(300);
    assertEquals(300, sent.amount());
    assertEquals(300, decode(alice, sent.token()).amount());
    assertEquals(new Balance(1000 - 300 - sent.fee(), 0, 300), alice.balance());
    assertTrue(ppk == 0 ? sent.fee() == 0 : sent.fee() >= 1);
    assertEquals(0, alice.reconcileInflight(), "nobody claimed the token yet");

    ReceiveResult received = bob.receive(sent.token());
    long receiveFee = feeFor(decode(bob, sent.token()).proofs().size(), ppk);
    assertEquals(receiveFee, received.fee());
    assertEquals(300 - receiveFee, received.amount());
    assertEquals(new Balance(300 - receiveFee, 0, 0), bob.balance());

    assertEquals(1, alice.reconcileInflight());
    assertEquals(new Balance(700 - sent.fee(), 0, 0), alice.balance());
    MintFixture.assertAgreesWithMint(alice, client);
    MintFixture.assertAgreesWithMint(bob, client);
  }

  @ParameterizedTest(name = "input fee {0} ppk")
  @ValueSource(longs = {0, 100})
  void meltPaysAnInvoiceAndReturnsTheUnusedFeeReserve(long ppk) {
    DevMint mint = mint(ppk);
    Wallet alice = wallet(mint);
    MintFixture.fund(alice, 2000);
    mint.control().setMeltActualFee(1);

    MeltResult paid = alice.melt(mint.control().createInvoice(500));
    assertEquals(MeltStatus.PAID, paid.status());
    assertEquals(500, paid.amount());
    assertNotNull(paid.preimage());
    assertTrue(paid.change() > 0, "the fee reserve was not all used");
    // what left the wallet: the invoice, the 1 sat routing fee and the mint's input fee
    assertEquals(2000 - 500 - paid.fee(), alice.balance().total());
    assertTrue(paid.fee() >= 1 && paid.fee() <= 1 + feeFor(11, ppk));
    if (ppk == 0) {
      assertEquals(1, paid.fee());
    }
    MintFixture.assertAgreesWithMint(alice, MintFixture.client(mint));
  }

  @Test
  void aFailedPaymentGivesTheInputsBack() {
    Wallet alice = wallet(free);
    MintFixture.fund(alice, 600);
    free.control().setMeltOutcome(MeltOutcome.FAIL);
    MeltResult failed = alice.melt(free.control().createInvoice(100));
    assertEquals(MeltStatus.FAILED, failed.status());
    assertEquals(new Balance(600, 0, 0), alice.balance());
    MintFixture.assertAgreesWithMint(alice, MintFixture.client(free));
  }

  @Test
  void aPendingPaymentHoldsItsInputsUntilTheMintSettles() {
    Wallet alice = wallet(free);
    MintFixture.fund(alice, 600);
    free.control().setMeltOutcome(MeltOutcome.PENDING);

    MeltResult pending = alice.melt(free.control().createInvoice(100));
    assertEquals(MeltStatus.PENDING, pending.status());
    assertTrue(alice.hasOpenOperations());
    assertTrue(!alice.busy(), "nothing runs between calls");
    assertTrue(alice.balance().inflight() >= 102);
    assertEquals(MeltStatus.PENDING, alice.checkMelt(pending.operationId()).status());
    free.control().settlePendingMelts(true);
    MeltResult paid = alice.checkMelt(pending.operationId());
    assertEquals(MeltStatus.PAID, paid.status());
    assertEquals(600 - 100 - paid.fee(), alice.balance().total());
    assertEquals(0, alice.balance().inflight());

    MeltResult second = alice.melt(free.control().createInvoice(50));
    assertEquals(MeltStatus.PENDING, second.status());
    free.control().settlePendingMelts(false);
    RecoveryReport report = alice.recover();
    assertEquals(1, report.resolved());
    assertEquals(MeltStatus.FAILED, alice.checkMelt(second.operationId()).status());
    assertEquals(0, alice.balance().inflight());
    assertTrue(!alice.hasOpenOperations());
    MintFixture.assertAgreesWithMint(alice, MintFixture.client(free));
  }

  @Test
  void reconcilingSettlesAPaymentTheMintHasSettled() {
    Wallet alice = wallet(free);
    MintFixture.fund(alice, 600);
    free.control().setMeltOutcome(MeltOutcome.PENDING);
    MeltResult pending = alice.melt(free.control().createInvoice(100));
    assertTrue(alice.balance().inflight() >= 100);

    alice.reconcileInflight();
    assertTrue(alice.balance().inflight() >= 100, "still pending at the mint: still in flight");
    free.control().settlePendingMelts(true);
    alice.reconcileInflight();

    assertEquals(0, alice.balance().inflight());
    assertEquals(MeltStatus.PAID, alice.checkMelt(pending.operationId()).status());
    assertTrue(!alice.hasOpenOperations());
    MintFixture.assertAgreesWithMint(alice, MintFixture.client(free));
  }

  @Test
  void aDoubleSpendIsRefusedWithAClearError() {
    Wallet alice = wallet(free);
    Wallet bob = wallet(free);
    Wallet carol = wallet(free);
    MintFixture.fund(alice, 100);
    String token = alice.send(40).token();
    bob.receive(token);

    TokenAlreadySpentException e =
        assertThrows(TokenAlreadySpentException.class, () -> carol.receive(token));
    assertEquals("Token already spent", e.getMessage());
    assertEquals(MintError.PROOFS_ALREADY_SPENT, ((MintException) e.getCause()).error());
    assertEquals(0, carol.balance().total());
    WalletActivity last = carol.history(1).get(0);
    assertEquals(OperationKind.RECEIVE, last.kind());
    assertEquals(OperationState.FAILED, last.state());
    assertThrows(TokenAlreadySpentException.class, () -> bob.receive(token));
    assertEquals(40, bob.balance().total());
  }

  @Test
  void reservationsSetAsideExactAmountsForAnOwner() {
    Wallet alice = wallet(charging);
    Wallet bob = wallet(charging);
    MintFixture.fund(alice, 1000);

    Reservation escrow = alice.reserve(300, "offer-1");
    assertEquals(300, escrow.amount());
    assertEquals(300, alice.reservedFor("offer-1"));
    List<ReservedProof> backing = alice.reservedProofs("offer-1");
    assertEquals(300, backing.stream().mapToLong(ReservedProof::amount).sum());
    assertEquals(
        backing.stream().map(ReservedProof::y).sorted().toList(),
        alice.store().allProofs().stream()
            .filter(p -> p.state() == ProofState.RESERVED && "offer-1".equals(p.owner()))
            .map(p -> Bdhke.y(p.secret()))
            .sorted()
            .toList());
    assertTrue(alice.reservedProofs("nobody").isEmpty());
    assertEquals(new Balance(1000 - 300 - escrow.fee(), 300, 0), alice.balance());

    Reservation bond = alice.reserve(64, "offer-2");
    assertEquals(0, bond.fee(), "an exact proof was at hand");
    assertEquals(64, alice.release("offer-2"));
    assertEquals(0, alice.reservedFor("offer-2"));

    assertThrows(InsufficientFundsException.class, () -> alice.reserve(5000, "offer-3"));
    assertThrows(InsufficientFundsException.class, () -> alice.send(5000));

    SendResult part = alice.sendReserved("offer-1", 100, SendOptions.defaults());
    assertEquals(100, part.amount());
    assertEquals(300 - 100 - part.fee(), alice.reservedFor("offer-1"));
    SendResult rest = alice.sendReserved("offer-1", SendOptions.defaults());
    assertEquals(0, rest.fee(), "the reserved proofs travel as they are");
    assertEquals(0, alice.reservedFor("offer-1"));

    bob.receive(part.token());
    bob.receive(rest.token());
    assertEquals(2, alice.reconcileInflight());
    MintFixture.assertAgreesWithMint(alice, MintFixture.client(charging));
    MintFixture.assertAgreesWithMint(bob, MintFixture.client(charging));
  }

  @Test
  void mintingCanReserveForAnOwnerAndReceivingToo() {
    Wallet alice = wallet(free);
    Wallet bob = wallet(free);
    MintQuote quote = alice.requestMintQuote(128);
    MintResult minted = alice.mintPaidQuote(quote.quoteId(), "offer-9");
    assertEquals("offer-9", minted.reservedFor());
    assertEquals(new Balance(0, 128, 0), alice.balance());
    String token = alice.sendReserved("offer-9", SendOptions.defaults()).token();
    bob.receive(token, ReceiveOptions.defaults().reservingFor("bond-1"));
    assertEquals(128, bob.reservedFor("bond-1"));
    assertEquals(0, bob.balance().spendable());
  }

  @ParameterizedTest(name = "input fee {0} ppk")
  @ValueSource(longs = {0, 100})
  void aLargerTokenReservesOnlyWhatIsAskedAndTheRestIsSpendable(long ppk) {
    Wallet alice = wallet(mint(ppk));
    Wallet bob = wallet(mint(ppk));
    MintFixture.fund(alice, 9000);
    String token = alice.send(8000).token();

    ReceiveResult in = bob.receive(token, ReceiveOptions.defaults().reservingFor("bond-1", 1834));

    assertEquals(8000 - in.fee(), in.amount());
    assertEquals(1834, bob.reservedFor("bond-1"));
    assertEquals(new Balance(8000 - in.fee() - 1834, 1834, 0), bob.balance());
    MintFixture.assertAgreesWithMint(bob, MintFixture.client(mint(ppk)));
  }

  @Test
  void aTokenWorthLessThanTheReservationIsReservedWhole() {
    Wallet alice = wallet(free);
    Wallet bob = wallet(free);
    MintFixture.fund(alice, 500);
    String token = alice.send(300).token();

    bob.receive(token, ReceiveOptions.defaults().reservingFor("bond-1", 400));

    assertEquals(new Balance(0, 300, 0), bob.balance());
    assertThrows(
        IllegalArgumentException.class, () -> ReceiveOptions.defaults().reservingFor("b", 0));
  }

  @Test
  void aLockedTokenIsClaimedOnlyWithItsKey() {
    Wallet alice = wallet(free);
    Wallet bob = wallet(free);
    Wallet carol = wallet(free);
    MintFixture.fund(alice, 200);
    SecureRandom random = new SecureRandom();
    BigInteger bobKey = Secp256k1.randomScalar(random);
    String bobPub = Secp256k1.encode(Secp256k1.G().multiply(bobKey));

    SendResult sent = alice.send(64, SendOptions.defaults().lockedTo(bobPub).withMemo("for bob"));
    assertEquals("for bob", decode(alice, sent.token()).memo());
    assertThrows(WalletException.class, () -> carol.receive(sent.token()));
    BigInteger wrongKey = Secp256k1.randomScalar(random);
    assertThrows(
        WalletException.class,
        () -> carol.receive(sent.token(), ReceiveOptions.defaults().unlockingWith(wrongKey)));
    assertEquals(64, bob.receive(sent.token(), bobKey).amount());
    assertEquals(0, carol.balance().total());
  }

  @Test
  void anUnclaimedTokenCanBeReclaimed() {
    Wallet alice = wallet(charging);
    Wallet bob = wallet(charging);
    MintFixture.fund(alice, 1000);
    SendResult sent = alice.send(200);
    ReceiveResult back = alice.reclaim(sent.operationId());
    long fee = feeFor(decode(alice, sent.token()).proofs().size(), 100);
    assertEquals(200 - fee, back.amount());
    assertEquals(new Balance(1000 - sent.fee() - fee, 0, 0), alice.balance());
    assertThrows(TokenAlreadySpentException.class, () -> bob.receive(sent.token()));

    SendResult again = alice.send(100);
    bob.receive(again.token());
    assertThrows(WalletException.class, () -> alice.reclaim(again.token()));
    MintFixture.assertAgreesWithMint(alice, MintFixture.client(charging));

    SendResult third = alice.send(50);
    assertEquals(
        50 - feeFor(decode(alice, third.token()).proofs().size(), 100),
        alice.reclaim(third.token()).amount());
    MintFixture.assertAgreesWithMint(alice, MintFixture.client(charging));
  }

  @Test
  void mintingWaitsForPaymentAndHappensOnce() {
    free.control().setAutoPay(false);
    Wallet alice = wallet(free);
    MintQuote quote = alice.requestMintQuote(500);
    assertEquals(MintQuoteState.UNPAID, quote.state());
    MintException unpaid =
        assertThrows(MintException.class, () -> alice.mintPaidQuote(quote.quoteId()));
    assertEquals(MintError.QUOTE_NOT_PAID, unpaid.error());
    assertEquals(MintQuoteState.UNPAID, alice.checkQuote(quote.quoteId()).orElseThrow().state());

    free.control().markQuotePaid(quote.quoteId());
    assertEquals(MintQuoteState.PAID, alice.checkQuote(quote.quoteId()).orElseThrow().state());
    MintResult first = alice.mintPaidQuote(quote.quoteId());
    MintResult second = alice.mintPaidQuote(quote.quoteId());
    assertEquals(first, second);
    assertEquals(500, alice.balance().total());
    assertEquals(MintQuoteState.ISSUED, alice.checkQuote(quote.quoteId()).orElseThrow().state());
    assertEquals(Optional.empty(), alice.checkQuote("no-such-quote"));

    Wallet other = wallet(free);
    MintException issued =
        assertThrows(MintException.class, () -> other.mintPaidQuote(quote.quoteId()));
    assertEquals(MintError.QUOTE_ALREADY_ISSUED, issued.error());
    assertTrue(quote.toString().indexOf(quote.quoteId()) < 0, "quote id is a bearer secret");
  }

  @Test
  void aPaidQuoteIsMintedEvenAfterItsExpiry() {
    free.control().setAutoPay(false);
    Wallet alice = wallet(free);
    MintQuote quote = alice.requestMintQuote(64);
    free.control().markQuotePaid(quote.quoteId());
    free.control().advanceClock(Duration.ofHours(2));
    assertEquals(64, alice.mintPaidQuote(quote.quoteId()).amount());
  }

  @Test
  void sendingWithTheReceiveFeeLetsTheReceiverNetTheAmount() {
    Wallet alice = wallet(charging);
    Wallet bob = wallet(charging);
    MintFixture.fund(alice, 1000);
    SendResult sent = alice.send(100, SendOptions.defaults().withReceiveFee());
    assertTrue(sent.amount() > 100);
    assertEquals(100, bob.receive(sent.token()).amount());
  }

  @Test
  void tokensOfAnotherMintAreRefused() {
    try (DevMint elsewhere = MintFixture.startMint(0)) {
      Wallet stranger =
          MintFixture.open(dir.resolve("stranger.db"), elsewhere, MintFixture.seed("stranger"));
      opened.add(stranger);
      MintFixture.fund(stranger, 10);
      String token = stranger.send(10).token();
      Wallet alice = wallet(free);
      WalletException e = assertThrows(WalletException.class, () -> alice.receive(token));
      assertTrue(e.getMessage().contains("another mint"));
      assertThrows(RuntimeException.class, () -> alice.receive("cashuBnotatoken"));
    }
  }

  @Test
  void aWalletFileBelongsToOneMintAndOneSeed() {
    Path file = dir.resolve("mine.db");
    MintFixture.open(file, free, MintFixture.seed("mine")).close();
    assertThrows(
        WalletException.class, () -> MintFixture.open(file, free, MintFixture.seed("not mine")));
    assertThrows(
        WalletException.class, () -> MintFixture.open(file, charging, MintFixture.seed("mine")));
    MintFixture.open(file, free, MintFixture.seed("mine")).close();
  }

  @Test
  void historyListsWhatHappened() {
    Wallet alice = wallet(free);
    MintFixture.fund(alice, 100);
    alice.send(30);
    List<WalletActivity> history = alice.history(10);
    assertEquals(2, history.size());
    assertEquals(OperationKind.SEND, history.get(0).kind());
    assertEquals(-30, history.get(0).amount());
    assertEquals(OperationKind.MINT, history.get(1).kind());
    assertEquals(100, history.get(1).amount());
  }
}
