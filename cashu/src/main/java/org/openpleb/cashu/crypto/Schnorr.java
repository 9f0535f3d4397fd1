package org.openpleb.cashu.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * BIP-340 Schnorr signatures over secp256k1 with 32-byte x-only public keys, as used by Nostr
 * identities and Cashu P2PK locks (NUT-11).
 *
 * <p>The public methods implement the final BIP-340 (tags {@code BIP0340/…}, nonce point with even
 * y, messages of any length). {@link Revision#DRAFT_2020_03} exists only to check test vectors
 * published for the March 2020 draft, which differs in its tag names and in requiring a nonce point
 * with a square y.
 *
 * <p>The public methods run on the {@linkplain Secp256k1Backends#active() active back end}; the
 * methods that take a {@link Revision} are the Bouncy Castle reference.
 */
public final class Schnorr {

  /** The BIP-340 revision whose rules a signature follows. */
  enum Revision {
    /** BIP-340 as deployed in Taproot and Nostr. */
    FINAL("BIP0340/aux", "BIP0340/nonce", "BIP0340/challenge", false),
    /** The draft of bitcoin/bips commit b6b5f58e (March 2020): square-y nonce point. */
    DRAFT_2020_03("BIP340/aux", "BIP340/nonce", "BIP340/challenge", true);

    private final byte[] auxTag;
    private final byte[] nonceTag;
    private final byte[] challengeTag;
    private final boolean squareY;

    Revision(String aux, String nonce, String challenge, boolean squareY) {
      this.auxTag = Secp256k1.sha256(aux.getBytes(StandardCharsets.US_ASCII));
      this.nonceTag = Secp256k1.sha256(nonce.getBytes(StandardCharsets.US_ASCII));
      this.challengeTag = Secp256k1.sha256(challenge.getBytes(StandardCharsets.US_ASCII));
      this.squareY = squareY;
    }

    boolean acceptsNonce(ECPoint r) {
      BigInteger y = r.getAffineYCoord().toBigInteger();
      if (squareY) {
        // Euler's criterion: y is a quadratic residue mod p.
        BigInteger p = Secp256k1.P;
        return y.modPow(p.subtract(BigInteger.ONE).shiftRight(1), p).equals(BigInteger.ONE);
      }
      return !y.testBit(0);
    }
  }

  private Schnorr() {}

  /** The x-only public key (32 bytes) of a 32-byte secret key. */
  public static byte[] publicKey(byte[] secretKey32) {
    return publicKey(Secp256k1Backends.active(), secretKey32);
  }

  static byte[] publicKey(Secp256k1Backend backend, byte[] secretKey32) {
    BigInteger d = secretScalar(secretKey32);
    return Arrays.copyOfRange(backend.multiplyG(d), 1, 33);
  }

  /**
   * Signs {@code message} with BIP-340, mixing in {@code auxRand32} (fresh randomness; zeros are
   * safe but lose the side-channel protection).
   */
  public static byte[] sign(byte[] secretKey32, byte[] message, byte[] auxRand32) {
    return sign(Secp256k1Backends.active(), secretKey32, message, auxRand32);
  }

  /**
   * Verifies a BIP-340 signature. Returns false, never throws, for keys that are not on the curve,
   * signatures of the wrong length or with out-of-range values, and null arguments.
   */
  public static boolean verify(byte[] publicKeyX32, byte[] message, byte[] signature64) {
    return verify(Secp256k1Backends.active(), publicKeyX32, message, signature64);
  }

  /**
   * Signs on {@code backend}; libsecp256k1 signs 32-byte messages only (all this project signs), so
   * other lengths take the reference.
   */
  static byte[] sign(
      Secp256k1Backend backend, byte[] secretKey32, byte[] message, byte[] auxRand32) {
    if (message == null) {
      throw new CashuCryptoException("message is missing");
    }
    if (auxRand32 == null || auxRand32.length != 32) {
      throw new CashuCryptoException("aux_rand must be 32 bytes");
    }
    secretScalar(secretKey32);
    if (message.length != 32) {
      return sign(Revision.FINAL, secretKey32, message, auxRand32);
    }
    return backend.signSchnorr(secretKey32, message, auxRand32);
  }

  static boolean verify(
      Secp256k1Backend backend, byte[] publicKeyX32, byte[] message, byte[] signature64) {
    if (publicKeyX32 == null
        || publicKeyX32.length != 32
        || message == null
        || signature64 == null
        || signature64.length != 64) {
      return false;
    }
    if (message.length != 32) {
      return verify(Revision.FINAL, publicKeyX32, message, signature64);
    }
    return backend.verifySchnorr(publicKeyX32, message, signature64);
  }

  static byte[] sign(Revision revision, byte[] secretKey32, byte[] message, byte[] auxRand32) {
    if (message == null) {
      throw new CashuCryptoException("message is missing");
    }
    if (auxRand32 == null || auxRand32.length != 32) {
      throw new CashuCryptoException("aux_rand must be 32 bytes");
    }
    BigInteger n = Secp256k1.order();
    BigInteger d0 = secretScalar(secretKey32);
    ECPoint p = Secp256k1.multiplyG(d0).normalize();
    BigInteger d = hasEvenY(p) ? d0 : n.subtract(d0);
    byte[] px = xBytes(p);

    byte[] t = Secp256k1.toBytes32(d);
    byte[] auxHash = taggedHash(revision.auxTag, auxRand32);
    for (int i = 0; i < 32; i++) {
      t[i] ^= auxHash[i];
    }
    BigInteger k0 = new BigInteger(1, taggedHash(revision.nonceTag, t, px, message)).mod(n);
    if (k0.signum() == 0) {
      throw new CashuCryptoException("nonce is zero");
    }
    ECPoint r = Secp256k1.multiplyG(k0).normalize();
    BigInteger k = revision.acceptsNonce(r) ? k0 : n.subtract(k0);
    byte[] rx = xBytes(r);
    BigInteger e = new BigInteger(1, taggedHash(revision.challengeTag, rx, px, message)).mod(n);
    byte[] signature = new byte[64];
    System.arraycopy(rx, 0, signature, 0, 32);
    System.arraycopy(Secp256k1.toBytes32(k.add(e.multiply(d)).mod(n)), 0, signature, 32, 32);
    // Checking our own signature guards against faulty arithmetic leaking the key.
    if (!verify(revision, px, message, signature)) {
      throw new CashuCryptoException("created signature does not verify");
    }
    return signature;
  }

  static boolean verify(
      Revision revision, byte[] publicKeyX32, byte[] message, byte[] signature64) {
    if (publicKeyX32 == null
        || publicKeyX32.length != 32
        || message == null
        || signature64 == null
        || signature64.length != 64) {
      return false;
    }
    try {
      ECPoint p = liftX(publicKeyX32);
      if (p == null) {
        return false;
      }
      byte[] rx = Arrays.copyOfRange(signature64, 0, 32);
      BigInteger r = new BigInteger(1, rx);
      BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature64, 32, 64));
      BigInteger n = Secp256k1.order();
      if (r.compareTo(Secp256k1.P) >= 0 || s.compareTo(n) >= 0) {
        return false;
      }
      BigInteger e =
          new BigInteger(1, taggedHash(revision.challengeTag, rx, publicKeyX32, message)).mod(n);
      // sG - eP as one double multiplication (Shamir's trick), the cost of every login check
      ECPoint bigR =
          ECAlgorithms.sumOfTwoMultiplies(Secp256k1.G(), s, p, e.negate().mod(n)).normalize();
      if (bigR.isInfinity() || !revision.acceptsNonce(bigR)) {
        return false;
      }
      return bigR.getAffineXCoord().toBigInteger().equals(r);
    } catch (RuntimeException malformed) {
      return false;
    }
  }

  /** The point with x coordinate {@code x32} and even y, or null if there is none. */
  static ECPoint liftX(byte[] x32) {
    if (new BigInteger(1, x32).compareTo(Secp256k1.P) >= 0) {
      return null;
    }
    byte[] compressed = new byte[33];
    compressed[0] = 0x02;
    System.arraycopy(x32, 0, compressed, 1, 32);
    try {
      return Secp256k1.CURVE.decodePoint(compressed).normalize();
    } catch (IllegalArgumentException notOnCurve) {
      return null;
    }
  }

  private static BigInteger secretScalar(byte[] secretKey32) {
    if (secretKey32 == null || secretKey32.length != 32) {
      throw new CashuCryptoException("secret key must be 32 bytes");
    }
    BigInteger d = new BigInteger(1, secretKey32);
    Secp256k1.requireScalar(d, "secret key");
    return d;
  }

  private static boolean hasEvenY(ECPoint point) {
    return !point.getAffineYCoord().toBigInteger().testBit(0);
  }

  private static byte[] xBytes(ECPoint point) {
    return Secp256k1.toBytes32(point.getAffineXCoord().toBigInteger());
  }

  private static byte[] taggedHash(byte[] tagHash, byte[]... parts) {
    byte[][] all = new byte[parts.length + 2][];
    all[0] = tagHash;
    all[1] = tagHash;
    System.arraycopy(parts, 0, all, 2, parts.length);
    return Secp256k1.sha256(all);
  }
}
