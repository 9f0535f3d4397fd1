package org.openpleb.cashu.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openpleb.cashu.mint.MintClient;
import org.openpleb.cashu.mint.MintUnreachableException;
import org.openpleb.cashu.store.OperationKind;
import org.openpleb.cashu.store.OperationState;
import org.openpleb.cashu.store.StoredProof;
import org.openpleb.cashu.token.TokenCodec;
import org.openpleb.devmint.DevMint;

/**
 * The process dies at every step of every journaled operation, or the mint's answer is lost; the
 * reopened wallet recovers and its balance equals, to the sat, both what the mint holds unspent for
 * it and what the operation should have left.
 */
class WalletCrashTest {

  private static final long PPK = 100;
  private static final AtomicInteger NAMES = new AtomicInteger();

  static DevMint mint;
  static MintClient client;

  @TempDir Path dir;
  private final List<Wallet> opened = new java.util.ArrayList<>();

  /** The process "dies": an error no wallet code catches. */
  static final class SimulatedCrash extends Error {
    SimulatedCrash() {
      super("simulated crash", null, false, false);
    }
  }

  /** Crashes once, at the armed step of the armed kind of operation. */
  static final class Crasher implements CrashPoint {
    private volatile OperationKind kind;
    private volatile JournalStep step;

    void arm(OperationKind k, JournalStep s) {
      kind = k;
      step = s;
    }

    @Override
    public void reached(JournalStep s, OperationKind k) {
      if (k == kind && s == step) {
        kind = null;
        throw new SimulatedCrash();
      }
    }
  }

  @BeforeAll
  static void startMint() {
    mint = MintFixture.startMint(PPK);
    client = MintFixture.client(mint);
  }

  @AfterAll
  static void stopMint() {
    mint.close();
  }

  @BeforeEach
  void resetMint() {
    mint.control().reset();
    mint.control().setAutoPay(true);
  }

  @AfterEach
  void closeWallets() {
    opened.forEach(Wallet::close);
  }

  private record Subject(Path file, byte[] seed, Crasher crasher, Wallet wallet) {}

  private Subject subject() {
    String name = "crash" + NAMES.incrementAndGet();
    Path file = dir.resolve(name + ".db");
    byte[] seed = MintFixture.seed(name);
    Crasher crasher = new Crasher();
    Wallet w = MintFixture.open(file, mint, seed, crasher);
    opened.add(w);
    return new Subject(file, seed, crasher, w);
  }

  private Wallet plainWallet() {
    return scriptedWallet(new ScriptedMintClient(MintFixture.client(mint)));
  }

  private Wallet scriptedWallet(ScriptedMintClient scripted) {
    String name = "peer" + NAMES.incrementAndGet();
    Wallet w = Wallet.open(dir.resolve(name + ".db"), mint.url(), MintFixture.seed(name), scripted);
    opened.add(w);
    return w;
  }

  /** Dies mid-operation, then opens the file again the way a restarted server would. */
  private Wallet crashAndReopen(Subject s, Runnable operation) {
    assertThrows(SimulatedCrash.class, operation::run);
    s.wallet().close();
    // opening the file runs recovery, as a restarted server would
    Wallet reopened = MintFixture.open(s.file(), mint, s.seed());
    opened.add(reopened);
    RecoveryReport again = reopened.recover();
    assertTrue(again.clean(), "recovery on open left operations open: " + again);
    assertEquals(0, again.resolved(), "recovery on open already did everything");
    return reopened;
  }

  private static long fee(int inputs) {
    return (inputs * PPK + 999) / 1000;
  }

  private static String lastOperation(Wallet w, OperationKind kind) {
    return w.history(50).stream()
        .filter(a -> a.kind() == kind)
        .findFirst()
        .orElseThrow()
        .operationId();
  }

  @ParameterizedTest(name = "crash at {0}")
  @EnumSource(JournalStep.class)
  void mintingSurvivesACrash(JournalStep step) {
    Subject s = subject();
    MintQuote quote = s.wallet().requestMintQuote(300);
    s.crasher().arm(OperationKind.MINT, step);
    Wallet w = crashAndReopen(s, () -> s.wallet().mintPaidQuote(quote.quoteId()));

    assertEquals(new Balance(300, 0, 0), w.balance());
    assertEquals(300, w.mintPaidQuote(quote.quoteId()).amount(), "minting again changes nothing");
    assertEquals(300, w.balance().total());
    MintFixture.assertAgreesWithMint(w, client);
  }

  @ParameterizedTest(name = "crash at {0}")
  @EnumSource(JournalStep.class)
  void sendingSurvivesACrash(JournalStep step) {
    Subject s = subject();
    MintFixture.fund(s.wallet(), 1000);
    s.crasher().arm(OperationKind.SEND, step);
    Wallet w = crashAndReopen(s, () -> s.wallet().send(300));

    if (step == JournalStep.JOURNALED) {
      // the mint never saw the swap: the send is undone
      assertEquals(new Balance(1000, 0, 0), w.balance());
      assertTrue(w.outstandingTokens().isEmpty());
    } else {
      // the swap happened: its token is recovered and still ours until claimed
      SendResult token = w.outstandingTokens().get(0);
      assertEquals(300, token.amount());
      long sendFee = fee(w.store().usedBy(token.operationId()).size());
      assertEquals(sendFee, token.fee());
      assertEquals(new Balance(700 - sendFee, 0, 300), w.balance());
      Wallet bob = plainWallet();
      int tokenProofs = TokenCodec.decodeUnresolved(token.token()).proofs().size();
      assertEquals(300 - fee(tokenProofs), bob.receive(token.token()).amount());
      assertEquals(1, w.reconcileInflight());
      assertEquals(new Balance(700 - sendFee, 0, 0), w.balance());
    }
    MintFixture.assertAgreesWithMint(w, client);
  }

  @ParameterizedTest(name = "crash at {0}")
  @EnumSource(JournalStep.class)
  void receivingSurvivesACrash(JournalStep step) {
    Wallet alice = plainWallet();
    MintFixture.fund(alice, 500);
    String token = alice.send(200).token();
    long receiveFee = fee(TokenCodec.decodeUnresolved(token).proofs().size());

    Subject s = subject();
    s.crasher().arm(OperationKind.RECEIVE, step);
    Wallet w = crashAndReopen(s, () -> s.wallet().receive(token));

    // the receiver asked for these sats: recovery finishes the swap whatever the step
    assertEquals(new Balance(200 - receiveFee, 0, 0), w.balance());
    assertEquals(1, alice.reconcileInflight());
    MintFixture.assertAgreesWithMint(w, client);
    MintFixture.assertAgreesWithMint(alice, client);
  }

  @ParameterizedTest(name = "crash at {0}")
  @EnumSource(JournalStep.class)
  void receivingPartlyReservedSurvivesACrash(JournalStep step) {
    Wallet alice = plainWallet();
    MintFixture.fund(alice, 500);
    String token = alice.send(300).token();
    long receiveFee = fee(TokenCodec.decodeUnresolved(token).proofs().size());

    Subject s = subject();
    s.crasher().arm(OperationKind.RECEIVE, step);
    Wallet w =
        crashAndReopen(
            s,
            () -> s.wallet().receive(token, ReceiveOptions.defaults().reservingFor("bond-1", 120)));

    // the journal keeps which outputs were reserved: recovery splits the sats the same way
    assertEquals(new Balance(300 - receiveFee - 120, 120, 0), w.balance());
    assertEquals(120, w.reservedFor("bond-1"));
    MintFixture.assertAgreesWithMint(w, client);
  }

  @ParameterizedTest(name = "crash at {0}")
  @EnumSource(JournalStep.class)
  void meltingSurvivesACrash(JournalStep step) {
    Subject s = subject();
    MintFixture.fund(s.wallet(), 1000);
    mint.control().setMeltActualFee(1);
    String invoice = mint.control().createInvoice(300);
    s.crasher().arm(OperationKind.MELT, step);
    Wallet w = crashAndReopen(s, () -> s.wallet().melt(invoice));

    String meltOp = lastOperation(w, OperationKind.MELT);
    if (step == JournalStep.JOURNALED) {
      assertEquals(MeltStatus.FAILED, w.checkMelt(meltOp).status());
      assertEquals(new Balance(1000, 0, 0), w.balance());
    } else {
      MeltResult paid = w.checkMelt(meltOp);
      assertEquals(MeltStatus.PAID, paid.status());
      List<StoredProof> inputs = w.store().usedBy(meltOp);
      long expectedCost = 300 + 1 + fee(inputs.size());
      assertEquals(expectedCost - 300, paid.fee());
      assertEquals(new Balance(1000 - expectedCost, 0, 0), w.balance());
    }
    MintFixture.assertAgreesWithMint(w, client);
  }

  @ParameterizedTest(name = "crash at {0}")
  @EnumSource(JournalStep.class)
  void reservingSurvivesACrash(JournalStep step) {
    Subject s = subject();
    MintFixture.fund(s.wallet(), 1000);
    s.crasher().arm(OperationKind.RESERVE, step);
    Wallet w = crashAndReopen(s, () -> s.wallet().reserve(300, "offer-1"));

    if (step == JournalStep.JOURNALED) {
      assertEquals(new Balance(1000, 0, 0), w.balance());
    } else {
      long swapFee = fee(w.store().usedBy(lastOperation(w, OperationKind.RESERVE)).size());
      assertEquals(new Balance(700 - swapFee, 300, 0), w.balance());
      assertEquals(300, w.reservedFor("offer-1"));
    }
    MintFixture.assertAgreesWithMint(w, client);
  }

  @ParameterizedTest(name = "crash at {0}")
  @EnumSource(JournalStep.class)
  void reclaimingSurvivesACrash(JournalStep step) {
    Subject s = subject();
    MintFixture.fund(s.wallet(), 1000);
    SendResult sent = s.wallet().send(300);
    int tokenProofs = TokenCodec.decodeUnresolved(sent.token()).proofs().size();
    s.crasher().arm(OperationKind.RECLAIM, step);
    Wallet w = crashAndReopen(s, () -> s.wallet().reclaim(sent.operationId()));

    // reclaiming is finished by recovery: the token's sats come back less the swap fee
    assertEquals(new Balance(1000 - sent.fee() - fee(tokenProofs), 0, 0), w.balance());
    assertTrue(w.outstandingTokens().isEmpty());
    MintFixture.assertAgreesWithMint(w, client);
  }

  /** How the mint's answer gets lost after it committed. */
  enum LostAnswer {
    TIMEOUT,
    DROP
  }

  private static void loseNextAnswer(LostAnswer how) {
    if (how == LostAnswer.TIMEOUT) {
      mint.control().commitNextThenTimeout(Duration.ofSeconds(3));
    } else {
      mint.control().commitNextThenDrop();
    }
  }

  @ParameterizedTest(name = "answer lost by {0}")
  @EnumSource(LostAnswer.class)
  void anOperationWhoseAnswerIsLostIsResolvedAtOnce(LostAnswer how) {
    Wallet w = plainWallet();
    MintQuote quote = w.requestMintQuote(1000);
    loseNextAnswer(how);
    assertEquals(1000, w.mintPaidQuote(quote.quoteId()).amount());

    loseNextAnswer(how);
    SendResult sent = w.send(300);
    assertEquals(300, sent.amount());

    Wallet bob = plainWallet();
    loseNextAnswer(how);
    int tokenProofs = TokenCodec.decodeUnresolved(sent.token()).proofs().size();
    assertEquals(300 - fee(tokenProofs), bob.receive(sent.token()).amount());

    mint.control().setMeltActualFee(0);
    loseNextAnswer(how);
    MeltResult paid = w.melt(mint.control().createInvoice(100));
    assertEquals(MeltStatus.PAID, paid.status());

    w.reconcileInflight();
    assertEquals(1000 - sent.fee() - 300 - 100 - paid.fee(), w.balance().total());
    MintFixture.assertAgreesWithMint(w, client);
    MintFixture.assertAgreesWithMint(bob, client);
  }

  @Test
  void aServerErrorBeforeTheMintActedIsResolvedAtOnce() {
    ScriptedMintClient scripted = new ScriptedMintClient(MintFixture.client(mint));
    Wallet w = scriptedWallet(scripted);
    Runnable failNext = () -> mint.control().failNextRequests(1);

    MintQuote quote = w.requestMintQuote(1000);
    scripted.beforeNext("mint", failNext);
    assertEquals(1000, w.mintPaidQuote(quote.quoteId()).amount(), "minting is retried");

    scripted.beforeNext("swap", failNext);
    WalletException sendFailed = assertThrows(WalletException.class, () -> w.send(300));
    assertTrue(sendFailed.getMessage().contains("Not carried out"));
    assertEquals(new Balance(1000, 0, 0), w.balance(), "a send that did not happen is undone");

    Wallet alice = plainWallet();
    MintFixture.fund(alice, 400);
    String token = alice.send(200).token();
    scripted.beforeNext("swap", failNext);
    long receiveFee = fee(TokenCodec.decodeUnresolved(token).proofs().size());
    assertEquals(200 - receiveFee, w.receive(token).amount(), "receiving is retried");

    scripted.beforeNext("melt", failNext);
    assertEquals(MeltStatus.FAILED, w.melt(mint.control().createInvoice(100)).status());
    assertEquals(1200 - receiveFee, w.balance().total());
    MintFixture.assertAgreesWithMint(w, client);
  }

  @Test
  void anOperationInDoubtIsResolvedByTheNextRecovery() {
    ScriptedMintClient scripted = new ScriptedMintClient(MintFixture.client(mint));
    Wallet w = scriptedWallet(scripted);
    MintFixture.fund(w, 1000);
    // the swap commits and its answer is lost, then the mint cannot be asked what happened
    scripted.beforeNext("swap", () -> mint.control().commitNextThenDrop());
    scripted.beforeNext(
        "checkState",
        () -> {
          throw new MintUnreachableException("mint gone");
        });
    OperationInDoubtException inDoubt =
        assertThrows(OperationInDoubtException.class, () -> w.send(300));
    assertEquals(1000, w.balance().total(), "nothing is lost while the outcome is unknown");
    assertTrue(w.balance().inflight() >= 300, "the inputs stay held until the outcome is known");
    assertEquals(
        OperationState.EXECUTING, w.store().operation(inDoubt.operationId()).orElseThrow().state());

    // while the mint stays away, recovery leaves the operation open and loses nothing
    scripted.beforeNext(
        "checkState",
        () -> {
          throw new MintUnreachableException("still gone");
        });
    RecoveryReport stillOpen = w.recover();
    assertEquals(1, stillOpen.unresolved());
    assertTrue(!stillOpen.clean());
    assertEquals(1000, w.balance().total());

    RecoveryReport report = w.recover();
    assertEquals(1, report.resolved());
    assertTrue(report.clean());
    SendResult token = w.outstandingTokens().get(0);
    assertEquals(inDoubt.operationId(), token.operationId());
    assertEquals(new Balance(700 - token.fee(), 0, 300), w.balance());
    MintFixture.assertAgreesWithMint(w, client);
  }

  @Test
  void aDeletedWalletIsRestoredFromItsSeed() throws Exception {
    Subject s = subject();
    Wallet w = s.wallet();
    MintFixture.fund(w, 1000);
    MintFixture.fund(w, 64);
    w.send(100);
    Wallet bob = plainWallet();
    bob.receive(w.send(50).token());
    Wallet carol = plainWallet();
    MintFixture.fund(carol, 300);
    w.receive(carol.send(120).token());
    mint.control().setMeltActualFee(1);
    w.melt(mint.control().createInvoice(200));
    w.reconcileInflight();
    Balance before = w.balance();
    assertEquals(100, before.inflight(), "the unclaimed token is still ours");
    long total = before.total();
    w.close();
    for (String suffix : List.of("", "-wal", "-shm")) {
      Files.deleteIfExists(Path.of(s.file() + suffix));
    }

    Wallet restored = MintFixture.open(s.file(), mint, s.seed());
    opened.add(restored);
    assertEquals(0, restored.balance().total());
    RestoreReport report = restored.restoreFromSeed();
    assertEquals(total, report.amount());
    assertEquals(new Balance(total, 0, 0), restored.balance());
    MintFixture.assertAgreesWithMint(restored, client);

    // counters moved past every restored output: the wallet keeps working
    SendResult after = restored.send(10);
    bob.receive(after.token());
    assertEquals(0, restored.restoreFromSeed().proofs(), "a second restore finds nothing new");
  }
}
