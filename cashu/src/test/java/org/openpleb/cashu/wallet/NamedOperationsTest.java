package org.openpleb.cashu.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpleb.devmint.DevMint;
import org.openpleb.devmint.MeltOutcome;

/**
 * Sends and payments journaled under an id the caller chose, so the caller finds them again after a
 * crash lost its own record of the answer (#14 finding 1): the same token, the payment as it
 * stands, and nothing for an id under which nothing happened.
 */
class NamedOperationsTest {

  static DevMint mint;

  @TempDir Path dir;
  private final List<Wallet> opened = new ArrayList<>();

  @BeforeAll
  static void startMint() {
    mint = MintFixture.startMint(100);
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

  private Wallet wallet(String role) {
    // a seed of its own per wallet: the mint remembers the outputs earlier tests' seeds signed
    String name = role + "-" + UUID.randomUUID();
    Wallet w = MintFixture.open(dir.resolve(name + ".db"), mint, MintFixture.seed(name));
    opened.add(w);
    return w;
  }

  @Test
  void aNamedSendIsFoundAgainWithItsTokenClaimedOrNot() {
    Wallet alice = wallet("alice");
    MintFixture.fund(alice, 1000);
    String id = UUID.randomUUID().toString();

    SendResult sent = alice.send(300, SendOptions.defaults(), id);

    assertEquals(id, sent.operationId());
    assertEquals(Optional.of(sent.token()), alice.sent(id).map(SendResult::token));
    assertEquals(300, alice.sent(id).orElseThrow().amount());
    Wallet bob = wallet("bob");
    bob.receive(sent.token());
    alice.reconcileInflight();
    assertEquals(Optional.of(sent.token()), alice.sent(id).map(SendResult::token), "claimed");
  }

  @Test
  void anIdUnderWhichNothingHappenedFindsNothing() {
    Wallet alice = wallet("alice");
    MintFixture.fund(alice, 100);
    String id = UUID.randomUUID().toString();

    assertThrows(
        InsufficientFundsException.class, () -> alice.send(500, SendOptions.defaults(), id));

    assertEquals(Optional.empty(), alice.sent(id));
    assertEquals(Optional.empty(), alice.sent(UUID.randomUUID().toString()));
    assertEquals(Optional.empty(), alice.melted(UUID.randomUUID().toString()));
  }

  @Test
  void aNamedPaymentIsFoundAgainAsItStands() {
    Wallet alice = wallet("alice");
    MintFixture.fund(alice, 1000);
    String paidId = UUID.randomUUID().toString();

    MeltResult paid = alice.melt(mint.control().createInvoice(200), paidId);

    assertEquals(MeltStatus.PAID, paid.status());
    assertEquals(Optional.of(paid), alice.melted(paidId));

    mint.control().setMeltOutcome(MeltOutcome.PENDING);
    String pendingId = UUID.randomUUID().toString();
    alice.melt(mint.control().createInvoice(100), pendingId);
    assertEquals(MeltStatus.PENDING, alice.melted(pendingId).orElseThrow().status());
    mint.control().settlePendingMelts(true);
    MeltResult settled = alice.melted(pendingId).orElseThrow();
    assertEquals(MeltStatus.PAID, settled.status());
    assertTrue(settled.fee() >= 0);
  }
}
