package org.openpleb.cashu.crypto;

import java.math.BigInteger;

/**
 * The secp256k1 arithmetic behind the Cashu and BIP-340 operations a wallet repeats for every
 * output and every login: blinding, unblinding, DLEQ checks, multiples of G and Schnorr signatures.
 * Points travel as 33-byte compressed SEC1 encodings; every point argument is checked to lie on the
 * curve and a bad one raises {@link CashuCryptoException}.
 *
 * <p>Two implementations give bit-identical answers: {@code java} (Bouncy Castle, the reference the
 * vector tests pin) and {@code native} (libsecp256k1 over JNI, several times faster). {@link
 * Secp256k1Backends#active()} picks one per JVM. Callers validate scalars ({@code 1 <= k < n}, DLEQ
 * {@code e} and {@code s} in {@code 0..n-1}) before they get here.
 */
public interface Secp256k1Backend {

  /**
   * {@code "native"} or {@code "java"}, as the switch {@value Secp256k1Backends#PROPERTY} names it.
   */
  String name();

  /** NUT-00 {@code Y = hash_to_curve(message)}. */
  byte[] hashToCurve(byte[] message);

  /** The blinded message {@code B_ = hash_to_curve(message) + rG}. */
  byte[] blind(byte[] message, BigInteger r);

  /** The wallet's unblinding {@code C = C_ - rK}. */
  byte[] unblind(byte[] blindSignature, BigInteger r, byte[] mintKey);

  /** A receiver's reconstruction of the blind signature, {@code C_ = C + rK} (NUT-12). */
  byte[] reblind(byte[] signature, BigInteger r, byte[] mintKey);

  /**
   * The NUT-12 check {@code e == hash_e(sG - eA, sB_ - eC_, A, C_)}; false when either nonce point
   * is the point at infinity.
   */
  boolean verifyDleq(BigInteger e, BigInteger s, byte[] mintKey, byte[] blinded, byte[] blindSig);

  /** {@code kG}. */
  byte[] multiplyG(BigInteger k);

  /** Whether {@code encoded} is a 33-byte compressed point on secp256k1. */
  boolean isPoint(byte[] encoded);

  /** A final BIP-340 signature of a 32-byte message. */
  byte[] signSchnorr(byte[] secretKey32, byte[] message32, byte[] auxRand32);

  /**
   * Final BIP-340 verification of a 32-byte message; false (never an exception) for a key that is
   * not an x coordinate on the curve and for out-of-range signature values.
   */
  boolean verifySchnorr(byte[] publicKeyX32, byte[] message32, byte[] signature64);
}
