package org.openpleb.cashu.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpleb.cashu.mint.MintClient;
import org.openpleb.devmint.DevMint;

/**
 * A wallet file is lost and rebuilt from the seed; what the wallet had handed out and what it had
 * set aside are put back the way they were: unclaimed tokens in flight, reservations reserved.
 */
class WalletRestoreTest {

  private static final AtomicInteger NAMES = new AtomicInteger();

  static DevMint mint;
  static MintClient client;

  @TempDir Path dir;
  private final List<Wallet> opened = new ArrayList<>();

  @BeforeAll
  static void startMint() {
    mint = MintFixture.startMint(0);
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

  private record Subject(Path file, byte[] seed, Wallet wallet) {}

  private Subject subject() {
    String name = "restore" + NAMES.incrementAndGet();
    Path file = dir.resolve(name + ".db");
    byte[] seed = MintFixture.seed(name);
    Wallet w = MintFixture.open(file, mint, seed);
    opened.add(w);
    return new Subject(file, seed, w);
  }

  private Wallet peer() {
    return subject().wallet();
  }

  /** Deletes the subject's file and rebuilds it from the seed. */
  private Wallet lostAndRestored(Subject s) throws Exception {
    s.wallet().close();
    for (String suffix : List.of("", "-wal", "-shm")) {
      Files.deleteIfExists(Path.of(s.file() + suffix));
    }
    Wallet restored = MintFixture.open(s.file(), mint, s.seed());
    opened.add(restored);
    restored.restoreFromSeed();
    return restored;
  }

  @Test
  void anUnclaimedTokenGoesBackInFlightAndAReservationIsReservedAgain() throws Exception {
    Subject s = subject();
    Wallet w = s.wallet();
    MintFixture.fund(w, 1000);
    String unclaimed = w.send(300, SendOptions.defaults().withMemo("withdrawal")).token();
    peer().receive(w.send(200).token());
    w.reserve(250, "escrow:offer-1:a");
    w.reconcileInflight();
    assertEquals(new Balance(250, 250, 300), w.balance());

    Wallet restored = lostAndRestored(s);
    // the seed alone cannot tell a handed-out token or a reservation from spendable sats
    assertEquals(new Balance(800, 0, 0), restored.balance());

    AdoptedToken adopted = restored.adoptSentToken(unclaimed);
    assertNotNull(adopted.operationId());
    assertEquals(300, adopted.inflight());
    assertEquals(0, adopted.spent());
    assertEquals(new Balance(500, 0, 300), restored.balance());
    restored.reserve(250, "escrow:offer-1:a");
    assertEquals(new Balance(250, 250, 300), restored.balance());
    assertEquals(250, restored.reservedFor("escrow:offer-1:a"));
    MintFixture.assertAgreesWithMint(restored, client);

    // adopting again changes nothing
    assertEquals(adopted, restored.adoptSentToken(unclaimed));
    assertEquals(new Balance(250, 250, 300), restored.balance());

    // it is an outstanding token like any other: listed with its memo, and settled once claimed
    List<SendResult> outstanding = restored.outstandingTokens();
    assertEquals(1, outstanding.size());
    assertEquals(unclaimed, outstanding.get(0).token());
    assertEquals(adopted.operationId(), outstanding.get(0).operationId());
    assertEquals(0, restored.reconcileInflight(), "nobody claimed it yet");
    assertEquals(300, peer().receive(unclaimed).amount());
    assertEquals(1, restored.reconcileInflight());
    assertEquals(new Balance(250, 250, 0), restored.balance());
    MintFixture.assertAgreesWithMint(restored, client);
  }

  @Test
  void anAdoptedTokenSurvivesReopeningAndCanBeReclaimed() throws Exception {
    Subject s = subject();
    MintFixture.fund(s.wallet(), 500);
    String unclaimed = s.wallet().send(120).token();

    Wallet restored = lostAndRestored(s);
    restored.adoptSentToken(unclaimed);
    restored.close();
    // recovery on open must not free the adopted proofs as orphans
    Wallet reopened = MintFixture.open(s.file(), mint, s.seed());
    opened.add(reopened);
    assertEquals(new Balance(380, 0, 120), reopened.balance());

    assertEquals(120, reopened.reclaim(unclaimed).amount());
    assertEquals(new Balance(500, 0, 0), reopened.balance());
    MintFixture.assertAgreesWithMint(reopened, client);
    assertThrows(TokenAlreadySpentException.class, () -> peer().receive(unclaimed));
  }

  @Test
  void aTokenClaimedAfterTheRestoreIsMarkedSpent() throws Exception {
    Subject s = subject();
    MintFixture.fund(s.wallet(), 400);
    String token = s.wallet().send(150).token();

    Wallet restored = lostAndRestored(s);
    assertEquals(new Balance(400, 0, 0), restored.balance(), "the token was unspent at restore");
    peer().receive(token);

    AdoptedToken adopted = restored.adoptSentToken(token);
    assertNull(adopted.operationId());
    assertEquals(new AdoptedToken(null, 0, 150), adopted);
    assertEquals(new Balance(250, 0, 0), restored.balance());
    MintFixture.assertAgreesWithMint(restored, client);
  }

  @Test
  void aTokenClaimedBeforeTheRestoreOrMadeByAnotherWalletChangesNothing() throws Exception {
    Subject s = subject();
    MintFixture.fund(s.wallet(), 400);
    String claimed = s.wallet().send(100).token();
    peer().receive(claimed);
    Wallet other = peer();
    MintFixture.fund(other, 90);
    String foreign = other.send(90).token();

    Wallet restored = lostAndRestored(s);
    assertEquals(new Balance(300, 0, 0), restored.balance());
    assertEquals(new AdoptedToken(null, 0, 0), restored.adoptSentToken(claimed));
    assertEquals(new AdoptedToken(null, 0, 0), restored.adoptSentToken(foreign));
    assertEquals(new Balance(300, 0, 0), restored.balance());
    assertEquals(90, peer().receive(foreign).amount(), "the other wallet's token is untouched");
  }
}
