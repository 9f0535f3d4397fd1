package org.openpleb.cashu.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Blind Diffie-Hellman key exchange (NUT-00): the wallet blinds a secret, the mint signs it without
 * seeing it, and the wallet unblinds the signature into a proof the mint will later accept.
 *
 * <p>A proof secret is hashed to the curve as the UTF-8 bytes of its string form, never as
 * hex-decoded bytes: a 64-character hex secret is 64 input bytes.
 *
 * <p>The wallet's operations on hex ({@link #blindedMessage}, {@link #unblindedSignature}, {@link
 * #y}) run on the {@linkplain Secp256k1Backends#active() active back end}; the methods on Bouncy
 * Castle points are the reference and the mint's side.
 */
public final class Bdhke {

  private Bdhke() {}

  /** The blinded message {@code B_ = Y + rG} with {@code Y = hash_to_curve(utf8(secret))}. */
  public static ECPoint blindMessage(String secret, BigInteger r) {
    return blind(utf8(secret), r);
  }

  /** Unblinds the mint's signature: {@code C = C_ - rK} for the keyset key K of that amount. */
  public static ECPoint unblind(ECPoint blindSig, BigInteger r, ECPoint mintKey) {
    Secp256k1.requireScalar(r, "blinding factor r");
    return blindSig.subtract(mintKey.multiply(r)).normalize();
  }

  /** The mint's blind signature {@code C_ = kB_}; used by tests and mint-side code. */
  public static ECPoint sign(BigInteger k, ECPoint blinded) {
    Secp256k1.requireScalar(k, "mint private key");
    return blinded.multiply(k).normalize();
  }

  /** The mint's check of a proof: {@code C == k * hash_to_curve(utf8(secret))}. */
  public static boolean verify(BigInteger k, String secret, ECPoint c) {
    Secp256k1.requireScalar(k, "mint private key");
    return Secp256k1.hashToCurve(utf8(secret)).multiply(k).normalize().equals(c.normalize());
  }

  /** The NUT-07 {@code Y} of a proof: compressed hex of {@code hash_to_curve(utf8(secret))}. */
  public static String y(String secret) {
    return y(Secp256k1Backends.active(), secret);
  }

  static String y(Secp256k1Backend backend, String secret) {
    return Secp256k1.hex(backend.hashToCurve(utf8(secret)));
  }

  /**
   * The blinded message {@code B_} of a proof secret as compressed hex, on the {@linkplain
   * Secp256k1Backends#active() active back end}: what a wallet sends to the mint.
   */
  public static String blindedMessage(String secret, BigInteger r) {
    return blindedMessage(Secp256k1Backends.active(), secret, r);
  }

  static String blindedMessage(Secp256k1Backend backend, String secret, BigInteger r) {
    Secp256k1.requireScalar(r, "blinding factor r");
    return Secp256k1.hex(backend.blind(utf8(secret), r));
  }

  /**
   * The proof's signature {@code C = C_ - rK} as compressed hex, from the mint's blind signature
   * and the keyset key of that amount (both compressed hex), on the {@linkplain
   * Secp256k1Backends#active() active back end}.
   *
   * @throws CashuCryptoException if a point is malformed or not on the curve, or r is out of range
   */
  public static String unblindedSignature(String blindSigHex, BigInteger r, String mintKeyHex) {
    return unblindedSignature(Secp256k1Backends.active(), blindSigHex, r, mintKeyHex);
  }

  static String unblindedSignature(
      Secp256k1Backend backend, String blindSigHex, BigInteger r, String mintKeyHex) {
    Secp256k1.requireScalar(r, "blinding factor r");
    return Secp256k1.hex(
        backend.unblind(point(blindSigHex, "C_"), r, point(mintKeyHex, "mint key")));
  }

  private static byte[] point(String hex, String what) {
    if (hex == null || hex.length() != 66) {
      throw new CashuCryptoException(what + " must be 33 bytes (66 hex digits)");
    }
    return Secp256k1.parseHex(hex, what);
  }

  /**
   * {@code B_ = hash_to_curve(message) + rG} over raw message bytes, as the NUT-00 {@code B_}
   * vectors use it. Wallets blind proof secrets with {@link #blindMessage(String, BigInteger)}.
   */
  public static ECPoint blind(byte[] message, BigInteger r) {
    Secp256k1.requireScalar(r, "blinding factor r");
    return Secp256k1.hashToCurve(message).add(Secp256k1.multiplyG(r)).normalize();
  }

  static byte[] utf8(String secret) {
    if (secret == null) {
      throw new CashuCryptoException("secret is missing");
    }
    return secret.getBytes(StandardCharsets.UTF_8);
  }
}
