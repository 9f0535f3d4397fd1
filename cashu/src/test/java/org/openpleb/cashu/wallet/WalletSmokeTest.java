package org.openpleb.cashu.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpleb.devmint.DevMint;

class WalletSmokeTest {

  @TempDir Path dir;

  @Test
  void mintSendReceive() {
    try (DevMint mint = MintFixture.startMint(0);
        Wallet alice = MintFixture.open(dir.resolve("alice.db"), mint, MintFixture.seed("alice"));
        Wallet bob = MintFixture.open(dir.resolve("bob.db"), mint, MintFixture.seed("bob"))) {
      MintFixture.fund(alice, 1000);
      assertEquals(1000, alice.balance().spendable());
      SendResult sent = alice.send(300);
      ReceiveResult got = bob.receive(sent.token());
      assertEquals(300, got.amount());
      assertEquals(1, alice.reconcileInflight());
      assertEquals(700, alice.balance().total());
      MintFixture.assertAgreesWithMint(alice, MintFixture.client(mint));
      MintFixture.assertAgreesWithMint(bob, MintFixture.client(mint));
    }
  }
}
