package org.openpleb.cashu.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The native secp256k1 back end: libsecp256k1 (bitcoin-core) through ACINQ's JNI binding. The
 * binding extracts its shared library from the jar into {@code java.io.tmpdir} (or {@code
 * fr.acinq.secp256k1.tmpdir}) on first use.
 *
 * <p>libsecp256k1 has no hash_to_curve and no double multiplication with an arbitrary base. The
 * hash stays in Java (SHA-256 here, the "is this an x coordinate" test in libsecp256k1), and each
 * DLEQ side is built from the binding's primitives: {@code sG - eA} through ECDSA public key
 * recovery (see {@code sumWithG}), {@code sB_ - eC_} as {@code combine(tweak_mul(B_, s),
 * tweak_mul(C_, n-e))}.
 */
final class LibSecp256k1Backend implements Secp256k1Backend {

  private static final BigInteger N = Secp256k1.order();

  private final fr.acinq.secp256k1.Secp256k1 lib;

  private LibSecp256k1Backend(fr.acinq.secp256k1.Secp256k1 lib) {
    this.lib = lib;
  }

  /**
   * Loads the JNI library and checks that it computes {@code 1·G} right; any failure (no library
   * for this platform, an unwritable temp dir, a library that does not link) is thrown as is.
   */
  static LibSecp256k1Backend load() {
    LibSecp256k1Backend backend = new LibSecp256k1Backend(fr.acinq.secp256k1.Secp256k1.get());
    byte[] g = Secp256k1.compressed(Secp256k1.G());
    if (!Arrays.equals(g, backend.multiplyG(BigInteger.ONE))) {
      throw new IllegalStateException("libsecp256k1 computes a wrong generator point");
    }
    return backend;
  }

  @Override
  public String name() {
    return "native";
  }

  @Override
  public byte[] hashToCurve(byte[] message) {
    return compress(hashToCurveUncompressed(message));
  }

  @Override
  public byte[] blind(byte[] message, BigInteger r) {
    Secp256k1.requireScalar(r, "blinding factor r");
    // Y + rG as combine(Y, rG): the generator multiplication on libsecp256k1's precomputed table
    // and Y already parsed by the hash are about 15 us cheaper than tweak_add(Y, r).
    byte[] y = hashToCurveUncompressed(message);
    return compress(call(() -> lib.pubKeyCombine(new byte[][] {y, lib.pubkeyCreate(scalar(r))})));
  }

  /** hash_to_curve with the point in libsecp256k1's 65-byte form, as its parse returns it. */
  private byte[] hashToCurveUncompressed(byte[] message) {
    return Secp256k1.hashToCurve(
        message,
        candidate -> {
          try {
            return lib.pubkeyParse(candidate);
          } catch (RuntimeException notOnCurve) {
            return null;
          }
        });
  }

  @Override
  public byte[] unblind(byte[] blindSignature, BigInteger r, byte[] mintKey) {
    Secp256k1.requireScalar(r, "blinding factor r");
    byte[] c = parse(blindSignature);
    byte[] minusRk = call(() -> lib.pubKeyTweakMul(parse(mintKey), scalar(N.subtract(r))));
    return compress(call(() -> lib.pubKeyCombine(new byte[][] {c, minusRk})));
  }

  @Override
  public byte[] reblind(byte[] signature, BigInteger r, byte[] mintKey) {
    Secp256k1.requireScalar(r, "blinding factor r");
    byte[] c = parse(signature);
    byte[] rk = call(() -> lib.pubKeyTweakMul(parse(mintKey), scalar(r)));
    return compress(call(() -> lib.pubKeyCombine(new byte[][] {c, rk})));
  }

  @Override
  public boolean verifyDleq(
      BigInteger e, BigInteger s, byte[] mintKey, byte[] blinded, byte[] blindSig) {
    if (e.signum() < 0 || e.compareTo(N) >= 0 || s.signum() < 0 || s.compareTo(N) >= 0) {
      return false;
    }
    // Parsed once into 65-byte form: the operations below then skip the square root, and the
    // challenge hash needs A and C_ uncompressed anyway.
    byte[] a = parse(mintKey);
    byte[] b = parse(blinded);
    byte[] c = parse(blindSig);
    BigInteger minusE = N.subtract(e).mod(N);
    try {
      byte[] r1 = sumWithG(s, a, minusE);
      byte[] r2 = sum(b, s, c, minusE);
      if (r1 == null || r2 == null) {
        return false;
      }
      return new BigInteger(1, Dleq.hashE(r1, r2, a, c)).equals(e);
    } catch (RuntimeException infinity) {
      // tweak_add and combine refuse a result at infinity; the reference answers false there too.
      return false;
    }
  }

  @Override
  public byte[] multiplyG(BigInteger k) {
    Secp256k1.requireScalar(k, "scalar");
    return compress(call(() -> lib.pubkeyCreate(scalar(k))));
  }

  @Override
  public boolean isPoint(byte[] encoded) {
    if (encoded == null || encoded.length != 33 || (encoded[0] != 0x02 && encoded[0] != 0x03)) {
      return false;
    }
    try {
      lib.pubkeyParse(encoded);
      return true;
    } catch (RuntimeException notOnCurve) {
      return false;
    }
  }

  @Override
  public byte[] signSchnorr(byte[] secretKey32, byte[] message32, byte[] auxRand32) {
    byte[] signature = call(() -> lib.signSchnorr(message32, secretKey32, auxRand32));
    // As the reference does: checking our own signature guards against faulty arithmetic leaking
    // the key.
    byte[] publicKeyX = Arrays.copyOfRange(lib.pubkeyCreate(secretKey32), 1, 33);
    if (!verifySchnorr(publicKeyX, message32, signature)) {
      throw new CashuCryptoException("created signature does not verify");
    }
    return signature;
  }

  @Override
  public boolean verifySchnorr(byte[] publicKeyX32, byte[] message32, byte[] signature64) {
    try {
      return lib.verifySchnorr(signature64, message32, publicKeyX32);
    } catch (RuntimeException notAKey) {
      return false;
    }
  }

  /**
   * {@code sG + kP}, or null at infinity. libsecp256k1 has no double multiplication with a base of
   * our choosing, but ECDSA public key recovery computes exactly one: it returns {@code u1·G +
   * u2·R} for the point R whose x coordinate is the signature's r (y parity from the recovery id),
   * with {@code u1 = -z/r} and {@code u2 = s'/r}. With R = P, r = x(P), signature value {@code s' =
   * k·r} and message {@code z = -s·r} that is {@code sG + kP} in one variable-time Strauss
   * multiplication: about a third cheaper than {@code tweak_add(tweak_mul(P, k), s)}. Only public
   * values go in (the DLEQ check), so variable time is fine. For the rare x(P) at or above n the
   * two-step form is used.
   */
  private byte[] sumWithG(BigInteger s, byte[] p, BigInteger k) {
    if (k.signum() == 0) {
      return s.signum() == 0 ? null : lib.pubkeyCreate(scalar(s));
    }
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(p, 1, 33));
    if (x.signum() > 0 && x.compareTo(N) < 0) {
      byte[] signature = new byte[64];
      System.arraycopy(scalar(x), 0, signature, 0, 32);
      System.arraycopy(scalar(k.multiply(x).mod(N)), 0, signature, 32, 32);
      byte[] message = scalar(s.multiply(x).negate().mod(N));
      return lib.ecdsaRecover(signature, message, p[64] & 1);
    }
    byte[] kp = lib.pubKeyTweakMul(p, scalar(k));
    return s.signum() == 0 ? kp : lib.pubKeyTweakAdd(kp, scalar(s));
  }

  /** {@code aP + bQ}, or null at infinity. */
  private byte[] sum(byte[] p, BigInteger a, byte[] q, BigInteger b) {
    byte[] ap = a.signum() == 0 ? null : lib.pubKeyTweakMul(p, scalar(a));
    byte[] bq = b.signum() == 0 ? null : lib.pubKeyTweakMul(q, scalar(b));
    if (ap == null || bq == null) {
      return ap == null ? bq : ap;
    }
    return lib.pubKeyCombine(new byte[][] {ap, bq});
  }

  /**
   * A 33-byte compressed point as libsecp256k1's 65-byte form, or a {@link CashuCryptoException}.
   */
  private byte[] parse(byte[] encoded) {
    if (encoded == null || encoded.length != 33 || (encoded[0] != 0x02 && encoded[0] != 0x03)) {
      throw new CashuCryptoException("a public key must be 33 bytes in compressed form");
    }
    try {
      return lib.pubkeyParse(encoded);
    } catch (RuntimeException notOnCurve) {
      throw new CashuCryptoException("public key is not a point on secp256k1");
    }
  }

  private static byte[] scalar(BigInteger k) {
    return Secp256k1.toBytes32(k);
  }

  static byte[] compress(byte[] uncompressed65) {
    byte[] out = new byte[33];
    out[0] = (byte) (0x02 | (uncompressed65[64] & 1));
    System.arraycopy(uncompressed65, 1, out, 1, 32);
    return out;
  }

  /**
   * Runs a binding call; its refusals (a result at infinity) become {@link CashuCryptoException}.
   */
  private static byte[] call(Supplier<byte[]> operation) {
    try {
      return operation.get();
    } catch (CashuCryptoException e) {
      throw e;
    } catch (RuntimeException refused) {
      throw new CashuCryptoException("secp256k1 operation failed: " + refused.getMessage());
    }
  }
}
