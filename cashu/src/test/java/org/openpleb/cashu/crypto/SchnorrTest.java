package org.openpleb.cashu.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SchnorrTest {

  private static final SecureRandom RND = new SecureRandom();

  @Test
  void signaturesVerifyForAnyMessageLength() {
    for (int length : new int[] {0, 1, 32, 100}) {
      byte[] key = Secp256k1.toBytes32(Secp256k1.randomScalar(RND));
      byte[] message = random(length);
      byte[] signature = Schnorr.sign(key, message, random(32));

      assertEquals(64, signature.length);
      assertTrue(Schnorr.verify(Schnorr.publicKey(key), message, signature));
      byte[] tampered = signature.clone();
      tampered[63] ^= 1;
      assertFalse(Schnorr.verify(Schnorr.publicKey(key), message, tampered));
      assertFalse(Schnorr.verify(Schnorr.publicKey(key), random(length + 1), signature));
    }
  }

  @Test
  void signatureDependsOnTheFinalRevisionRules() {
    byte[] key = Secp256k1.toBytes32(Secp256k1.randomScalar(RND));
    byte[] message = random(32);
    byte[] signature = Schnorr.sign(key, message, random(32));
    // The draft's different challenge tag makes a final signature invalid under it.
    assertFalse(
        Schnorr.verify(Schnorr.Revision.DRAFT_2020_03, Schnorr.publicKey(key), message, signature));
  }

  @Test
  void verifyNeverThrows() {
    byte[] key = Schnorr.publicKey(Secp256k1.toBytes32(Secp256k1.randomScalar(RND)));
    byte[] message = random(32);
    assertFalse(Schnorr.verify(null, message, new byte[64]));
    assertFalse(Schnorr.verify(key, null, new byte[64]));
    assertFalse(Schnorr.verify(key, message, null));
    assertFalse(Schnorr.verify(new byte[31], message, new byte[64]));
    assertFalse(Schnorr.verify(key, message, new byte[63]));
    assertFalse(Schnorr.verify(new byte[32], message, new byte[64]));
    byte[] ones = new byte[64];
    java.util.Arrays.fill(ones, (byte) 0xff);
    assertFalse(Schnorr.verify(key, message, ones));
  }

  @Test
  void signingRefusesBadKeysAndAux() {
    assertThrows(
        CashuCryptoException.class, () -> Schnorr.sign(new byte[32], random(32), random(32)));
    assertThrows(
        CashuCryptoException.class, () -> Schnorr.sign(random(31), random(32), random(32)));
    byte[] key = Secp256k1.toBytes32(Secp256k1.randomScalar(RND));
    assertThrows(CashuCryptoException.class, () -> Schnorr.sign(key, random(32), random(16)));
  }

  private static byte[] random(int length) {
    byte[] bytes = new byte[length];
    RND.nextBytes(bytes);
    return bytes;
  }
}
