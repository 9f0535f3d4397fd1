package org.openpleb.cashu.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

class Secp256k1Test {

  private static final SecureRandom RND = new SecureRandom();

  @Test
  void compressedKeysRoundTrip() {
    for (int i = 0; i < 20; i++) {
      ECPoint p = Secp256k1.G().multiply(Secp256k1.randomScalar(RND)).normalize();
      String hex = Secp256k1.encode(p);
      assertEquals(66, hex.length());
      assertEquals(p, Secp256k1.decodePoint(hex));
      assertEquals(p, Secp256k1.decodePoint(hex.toUpperCase()));
    }
  }

  @Test
  void malformedPublicKeysAreRejected() {
    String g = Secp256k1.encode(Secp256k1.G());
    String uncompressed = Secp256k1.hex(Secp256k1.G().getEncoded(false));
    // x = 5 is not the x coordinate of any point (5^3 + 7 = 132 is not a square mod p).
    String offCurve = "02" + "0".repeat(63) + "5";
    String xAboveP = "02" + "f".repeat(64);
    for (String bad :
        List.of(
            "",
            g.substring(2),
            g.substring(0, 64),
            g + "00",
            uncompressed,
            "04" + g.substring(2),
            "05" + g.substring(2),
            "00" + "0".repeat(64),
            offCurve,
            xAboveP,
            g.substring(0, 65) + "g")) {
      assertThrows(CashuCryptoException.class, () -> Secp256k1.decodePoint(bad), bad);
    }
    assertThrows(CashuCryptoException.class, () -> Secp256k1.decodePoint(null));
  }

  @Test
  void scalarsAreWrittenAsExactly32Bytes() {
    assertArrayEquals(new byte[32], Secp256k1.toBytes32(BigInteger.ZERO));
    byte[] one = Secp256k1.toBytes32(BigInteger.ONE);
    assertEquals(1, one[31]);
    // A value with the top bit set has a sign byte in toByteArray(); it must be dropped.
    BigInteger high = BigInteger.ONE.shiftLeft(255);
    byte[] highBytes = Secp256k1.toBytes32(high);
    assertEquals((byte) 0x80, highBytes[0]);
    assertEquals(high, new BigInteger(1, highBytes));
    assertThrows(
        CashuCryptoException.class, () -> Secp256k1.toBytes32(BigInteger.ONE.shiftLeft(256)));
    assertThrows(CashuCryptoException.class, () -> Secp256k1.toBytes32(BigInteger.ONE.negate()));
  }

  @Test
  void randomScalarsAreInRange() {
    for (int i = 0; i < 50; i++) {
      BigInteger k = Secp256k1.randomScalar(RND);
      assertTrue(k.signum() > 0 && k.compareTo(Secp256k1.order()) < 0);
    }
  }

  @Test
  void scalarParsingChecksLengthAndRange() {
    String n = Secp256k1.hex(Secp256k1.toBytes32(Secp256k1.order()));
    assertThrows(CashuCryptoException.class, () -> Secp256k1.parseScalar(n, "x"));
    assertThrows(CashuCryptoException.class, () -> Secp256k1.parseScalar("0".repeat(64), "x"));
    assertThrows(CashuCryptoException.class, () -> Secp256k1.parseScalar("01", "x"));
    assertEquals(BigInteger.TWO, Secp256k1.parseScalar("0".repeat(63) + "2", "x"));
  }

  @Test
  void hashToCurveIsDeterministicAndOnTheCurve() {
    ECPoint a = Secp256k1.hashToCurve("secret".getBytes());
    assertEquals(a, Secp256k1.hashToCurve("secret".getBytes()));
    assertTrue(a.isValid());
    assertTrue(!a.equals(Secp256k1.hashToCurve("secret2".getBytes())));
  }

  @Test
  void multiplesOfGFromTheCombTableEqualPlainMultiplication() {
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 20; i++) {
      BigInteger k = new BigInteger(256, random).mod(Secp256k1.order());
      assertEquals(Secp256k1.G().multiply(k).normalize(), Secp256k1.multiplyG(k).normalize());
    }
    assertTrue(Secp256k1.multiplyG(Secp256k1.order()).isInfinity());
  }

  @Test
  void aMintKeyIsDecodedOnceAndCheckedLikeAnyPoint() {
    String hex = Secp256k1.encode(Secp256k1.multiplyG(BigInteger.valueOf(123_456_789)));
    ECPoint first = Secp256k1.decodeMintKey(hex);
    assertEquals(Secp256k1.decodePoint(hex), first);
    assertSame(first, Secp256k1.decodeMintKey(hex), "kept, with its multiplication tables");
    assertThrows(CashuCryptoException.class, () -> Secp256k1.decodeMintKey("02abcd"));
    assertThrows(CashuCryptoException.class, () -> Secp256k1.decodeMintKey("04" + "11".repeat(32)));
  }
}
