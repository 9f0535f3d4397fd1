package org.openpleb.cashu.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpleb.cashu.mint.MintClient;
import org.openpleb.cashu.store.ProofState;
import org.openpleb.cashu.store.StoredProof;
import org.openpleb.cashu.token.TokenCodec;
import org.openpleb.devmint.DevMint;

/** The mint rotates its keys: proofs of the inactive keyset stay spendable, new ones move on. */
class KeysetRotationTest {

  @TempDir Path dir;

  private static Set<String> keysetsOf(Wallet w, ProofState state) {
    return w.store().proofs(state).stream().map(StoredProof::keysetId).collect(Collectors.toSet());
  }

  @Test
  void proofsOfARotatedKeysetAreSpentIntoTheNewOne() {
    try (DevMint mint = MintFixture.startMint(0);
        Wallet alice = MintFixture.open(dir.resolve("alice.db"), mint, MintFixture.seed("alice"));
        Wallet bob = MintFixture.open(dir.resolve("bob.db"), mint, MintFixture.seed("bob"))) {
      MintClient client = MintFixture.client(mint);
      String oldKeyset = mint.activeKeysetId();
      MintFixture.fund(alice, 1000);
      MintFixture.fund(bob, 100);
      String bobsOldToken = bob.send(100).token();

      String newKeyset = mint.control().rotateKeyset(100);
      assertNotEquals(oldKeyset, newKeyset);

      // alice still believes the old keyset is active: the mint refuses, she learns and retries
      SendResult sent = alice.send(300);
      assertEquals(Set.of(newKeyset), keysetsOf(alice, ProofState.INFLIGHT));
      assertEquals(0, sent.fee(), "inputs of the old keyset cost its fee: none");
      assertTrue(keysetsOf(alice, ProofState.READY).contains(newKeyset));
      assertEquals(1000, alice.balance().total());

      // a token of the new keyset costs the receiver the new fee
      int proofs = TokenCodec.decodeUnresolved(sent.token()).proofs().size();
      long fee = (proofs * 100L + 999) / 1000;
      ReceiveResult got = bob.receive(sent.token());
      assertEquals(300 - fee, got.amount());
      assertEquals(fee, got.fee());

      // a token of the rotated-out keyset can still be received
      assertEquals(100, alice.receive(bobsOldToken).amount());
      assertEquals(Set.of(newKeyset), keysetsOf(bob, ProofState.READY));

      alice.reconcileInflight();
      bob.reconcileInflight();
      assertEquals(1000 - 300 + 100, alice.balance().total());
      MintFixture.assertAgreesWithMint(alice, client);
      MintFixture.assertAgreesWithMint(bob, client);
    }
  }
}
