package org.openpleb.cashu.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class P2pkTest {

  private static final SecureRandom RND = new SecureRandom();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BigInteger owner = Secp256k1.randomScalar(RND);
  private final String ownerKey = Secp256k1.encode(Secp256k1.G().multiply(owner));

  @Test
  void lockedSecretHasTheNut10Shape() throws Exception {
    String secret = P2pk.lockSecret(ownerKey, RND);

    JsonNode root = JSON.readTree(secret);
    assertEquals("P2PK", root.get(0).asText());
    assertEquals(64, root.get(1).get("nonce").asText().length());
    assertEquals(ownerKey, root.get(1).get("data").asText());
    assertTrue(root.get(1).get("tags").isArray());
    assertEquals(ownerKey, P2pk.lockedPubkey(secret).orElseThrow());
    assertFalse(secret.contains(" "), "compact JSON");
  }

  @Test
  void xOnlyKeysAreLockedWithPrefix02() {
    BigInteger even = evenYKey();
    String compressed = Secp256k1.encode(Secp256k1.G().multiply(even));
    String secret = P2pk.lockSecret(compressed.substring(2), RND);

    assertEquals(compressed, P2pk.lockedPubkey(secret).orElseThrow());
    assertTrue(P2pk.verifyWitness(secret, P2pk.witness(secret, even, RND)));
  }

  @Test
  void onlyTheOwnersSignatureUnlocks() {
    String secret = P2pk.lockSecret(ownerKey, RND);

    assertTrue(P2pk.verifyWitness(secret, P2pk.witness(secret, owner, RND)));
    assertFalse(P2pk.verifyWitness(secret, P2pk.witness(secret, Secp256k1.randomScalar(RND), RND)));
    String otherSecret = P2pk.lockSecret(ownerKey, RND);
    assertFalse(P2pk.verifyWitness(otherSecret, P2pk.witness(secret, owner, RND)));
    assertFalse(P2pk.verifyWitness(secret, "{\"signatures\":[]}"));
    assertFalse(P2pk.verifyWitness(secret, "not json"));
    assertFalse(P2pk.verifyWitness(secret, null));
  }

  @Test
  void plainSecretsAreNotLocks() {
    assertTrue(
        P2pk.lockedPubkey("a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2")
            .isEmpty());
    assertTrue(P2pk.lockedPubkey("[\"HTLC\",{\"nonce\":\"00\",\"data\":\"ab\"}]").isEmpty());
    assertTrue(P2pk.lockedPubkey("[\"P2PK\"").isEmpty());
    assertTrue(P2pk.lockedPubkey(null).isEmpty());
    assertFalse(P2pk.verifyWitness("plain", "{\"signatures\":[]}"));
  }

  @Test
  void sigAllLocksAreNotVerifiedPerInput() {
    String secret =
        "[\"P2PK\",{\"nonce\":\"00\",\"data\":\""
            + ownerKey
            + "\",\"tags\":[[\"sigflag\",\"SIG_ALL\"]]}]";
    assertFalse(P2pk.verifyWitness(secret, P2pk.witness(secret, owner, RND)));
  }

  @Test
  void afterLocktimeWithoutRefundKeysAnyoneMaySpend() {
    String secret =
        "[\"P2PK\",{\"nonce\":\"00\",\"data\":\""
            + ownerKey
            + "\",\"tags\":[[\"locktime\",\"1000\"],[\"unknown\",\"x\"]]}]";
    assertFalse(P2pk.verifyWitness(secret, "{\"signatures\":[]}", 999));
    assertTrue(P2pk.verifyWitness(secret, "{\"signatures\":[]}", 1001));
  }

  @Test
  void refundKeysUnlockOnlyAfterLocktime() {
    BigInteger refund = Secp256k1.randomScalar(RND);
    String refundKey = Secp256k1.encode(Secp256k1.G().multiply(refund));
    String secret =
        "[\"P2PK\",{\"nonce\":\"00\",\"data\":\""
            + ownerKey
            + "\",\"tags\":[[\"locktime\",\"1000\"],[\"refund\",\""
            + refundKey
            + "\"]]}]";
    String refundWitness = P2pk.witness(secret, refund, RND);

    assertFalse(P2pk.verifyWitness(secret, refundWitness, 999));
    assertTrue(P2pk.verifyWitness(secret, refundWitness, 1001));
    assertFalse(P2pk.verifyWitness(secret, "{\"signatures\":[]}", 1001));
    assertTrue(P2pk.verifyWitness(secret, P2pk.witness(secret, owner, RND), 1001));
  }

  @Test
  void badKeysCannotBeLockedTo() {
    assertThrows(CashuCryptoException.class, () -> P2pk.lockSecret("02" + "f".repeat(64), RND));
    assertThrows(CashuCryptoException.class, () -> P2pk.lockSecret("abc", RND));
    assertThrows(CashuCryptoException.class, () -> P2pk.lockSecret(null, RND));
  }

  private static BigInteger evenYKey() {
    while (true) {
      BigInteger k = Secp256k1.randomScalar(RND);
      if (!Secp256k1.G().multiply(k).normalize().getAffineYCoord().toBigInteger().testBit(0)) {
        return k;
      }
    }
  }
}
