package org.openpleb.cashu.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * The secp256k1 curve as Cashu uses it: points travel as 33-byte compressed SEC1 hex, scalars as
 * 32-byte big-endian, and secrets are mapped to points with the NUT-00 {@code hash_to_curve}.
 */
public final class Secp256k1 {

  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
  static final ECCurve CURVE = PARAMS.getCurve();
  private static final ECPoint GENERATOR = PARAMS.getG().normalize();
  private static final BigInteger N = PARAMS.getN();
  private static final ECMultiplier G_MULTIPLIER = new FixedPointCombMultiplier();
  private static final int MINT_KEY_CACHE = 4096;
  private static final ConcurrentHashMap<String, ECPoint> MINT_KEYS = new ConcurrentHashMap<>();

  /** The field prime p; BIP-340 range checks need it. */
  static final BigInteger P = CURVE.getField().getCharacteristic();

  private static final byte[] HASH_TO_CURVE_DOMAIN =
      "Secp256k1_HashToCurve_Cashu_".getBytes(StandardCharsets.US_ASCII);

  private static final HexFormat HEX = HexFormat.of();

  private Secp256k1() {}

  /** The generator point G. */
  public static ECPoint G() {
    return GENERATOR;
  }

  /**
   * {@code kG} with a precomputed comb table for the generator (kept with the point by Bouncy
   * Castle): two to three times faster than a general multiplication. Blinding every output and
   * signing use it.
   */
  public static ECPoint multiplyG(BigInteger k) {
    return G_MULTIPLIER.multiply(GENERATOR, k);
  }

  /**
   * {@link #decodePoint} for a mint's public key. A wallet decodes the same few dozen keys for
   * every signature it checks and unblinds; the decoded point is kept (at most {@value
   * #MINT_KEY_CACHE} of them), and with it the multiplication tables Bouncy Castle attaches to a
   * point once it has been multiplied. Public keys only: nothing secret is kept.
   */
  public static ECPoint decodeMintKey(String hex33) {
    ECPoint known = MINT_KEYS.get(hex33);
    if (known != null) {
      return known;
    }
    ECPoint decoded = decodePoint(hex33);
    if (MINT_KEYS.size() >= MINT_KEY_CACHE) {
      MINT_KEYS.clear();
    }
    ECPoint raced = MINT_KEYS.putIfAbsent(hex33, decoded);
    return raced == null ? decoded : raced;
  }

  /** The group order n. */
  public static BigInteger order() {
    return N;
  }

  /**
   * Decodes a 33-byte compressed public key given as hex.
   *
   * @throws CashuCryptoException if the text is not 66 hex digits, does not start with 02 or 03, or
   *     its x coordinate is not on the curve
   */
  public static ECPoint decodePoint(String hex33) {
    if (hex33 == null || hex33.length() != 66) {
      throw new CashuCryptoException("a public key must be 33 bytes (66 hex digits)");
    }
    return decodeCompressed(parseHex(hex33, "public key"));
  }

  /** {@link #decodePoint(String)} for the 33 raw bytes. */
  static ECPoint decodeCompressed(byte[] encoded) {
    if (encoded == null || encoded.length != 33) {
      throw new CashuCryptoException("a public key must be 33 bytes (66 hex digits)");
    }
    if (encoded[0] != 0x02 && encoded[0] != 0x03) {
      throw new CashuCryptoException("a public key must be in compressed form (02 or 03 prefix)");
    }
    ECPoint point;
    try {
      point = CURVE.decodePoint(encoded);
    } catch (IllegalArgumentException notOnCurve) {
      throw new CashuCryptoException("public key is not a point on secp256k1");
    }
    if (point.isInfinity() || !point.isValid()) {
      throw new CashuCryptoException("public key is not a point on secp256k1");
    }
    return point.normalize();
  }

  /** The 33-byte compressed encoding of a point as lowercase hex. */
  public static String encode(ECPoint p) {
    return HEX.formatHex(compressed(p));
  }

  /**
   * Maps a message to a curve point deterministically (NUT-00): {@code msg_hash = SHA256(domain ||
   * message)}, then the first {@code 02 || SHA256(msg_hash || le32(counter))} that is a valid x
   * coordinate.
   *
   * <p>For a proof, {@code message} is the UTF-8 encoding of the secret string; see {@link Bdhke}.
   */
  public static ECPoint hashToCurve(byte[] message) {
    return hashToCurve(
        message,
        candidate -> {
          try {
            return CURVE.decodePoint(candidate).normalize();
          } catch (IllegalArgumentException notOnCurve) {
            return null;
          }
        });
  }

  /**
   * The NUT-00 search shared by both back ends: {@code lift} turns a compressed candidate {@code 02
   * || x} into the back end's point, or null when x is not on the curve.
   */
  static <T> T hashToCurve(byte[] message, Function<byte[], T> lift) {
    byte[] msgHash = sha256(HASH_TO_CURVE_DOMAIN, message);
    // The counter is a little-endian uint32; about half of all x values are on the curve, so the
    // loop ends after two tries on average and 2^16 tries never run out in practice.
    for (long counter = 0; counter < (1L << 16); counter++) {
      byte[] le32 = {
        (byte) counter, (byte) (counter >>> 8), (byte) (counter >>> 16), (byte) (counter >>> 24)
      };
      byte[] candidate = new byte[33];
      candidate[0] = 0x02;
      System.arraycopy(sha256(msgHash, le32), 0, candidate, 1, 32);
      T point = lift.apply(candidate);
      if (point != null) {
        return point;
      }
    }
    throw new CashuCryptoException("hash_to_curve found no point");
  }

  /** SHA-256 of the concatenation of {@code parts}. */
  public static byte[] sha256(byte[]... parts) {
    MessageDigest digest = newDigest("SHA-256");
    for (byte[] part : parts) {
      digest.update(part);
    }
    return digest.digest();
  }

  /**
   * A non-negative scalar below 2^256 as exactly 32 big-endian bytes, left-padded with zeros.
   *
   * @throws CashuCryptoException if the value is negative or needs more than 32 bytes
   */
  public static byte[] toBytes32(BigInteger scalar) {
    if (scalar.signum() < 0 || scalar.bitLength() > 256) {
      throw new CashuCryptoException("scalar does not fit in 32 bytes");
    }
    byte[] raw = scalar.toByteArray();
    byte[] out = new byte[32];
    // toByteArray may carry a leading sign byte (33 bytes) or be shorter than 32 bytes.
    int copy = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
    return out;
  }

  /** A uniformly random scalar in 1..n-1, for blinding factors and keys. */
  public static BigInteger randomScalar(SecureRandom rnd) {
    byte[] buf = new byte[32];
    while (true) {
      rnd.nextBytes(buf);
      BigInteger candidate = new BigInteger(1, buf);
      if (candidate.signum() > 0 && candidate.compareTo(N) < 0) {
        return candidate;
      }
    }
  }

  /**
   * Parses a 32-byte hex scalar and checks {@code 1 <= x < n}.
   *
   * @param what names the field in the error message
   */
  public static BigInteger parseScalar(String hex, String what) {
    BigInteger value = parseScalarAllowZero(hex, what);
    if (value.signum() == 0) {
      throw new CashuCryptoException(what + " must not be zero");
    }
    return value;
  }

  /** Lowercase hex of bytes. */
  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  /**
   * Strict hex decoding: even length, hex digits only (either case).
   *
   * @param what names the field in the error message
   */
  public static byte[] parseHex(String hex, String what) {
    if (hex == null) {
      throw new CashuCryptoException(what + " is missing");
    }
    try {
      return HEX.parseHex(hex);
    } catch (IllegalArgumentException notHex) {
      throw new CashuCryptoException(what + " is not valid hex");
    }
  }

  static BigInteger parseScalarAllowZero(String hex, String what) {
    if (hex == null || hex.length() != 64) {
      throw new CashuCryptoException(what + " must be 32 bytes (64 hex digits)");
    }
    BigInteger value = new BigInteger(1, parseHex(hex, what));
    if (value.compareTo(N) >= 0) {
      throw new CashuCryptoException(what + " is not below the curve order");
    }
    return value;
  }

  static void requireScalar(BigInteger k, String what) {
    if (k == null || k.signum() <= 0 || k.compareTo(N) >= 0) {
      throw new CashuCryptoException(what + " must be in 1..n-1");
    }
  }

  static byte[] compressed(ECPoint p) {
    if (p == null || p.isInfinity()) {
      throw new CashuCryptoException("the point at infinity has no encoding");
    }
    return p.getEncoded(true);
  }

  static byte[] uncompressed(ECPoint p) {
    if (p == null || p.isInfinity()) {
      throw new CashuCryptoException("the point at infinity has no encoding");
    }
    return p.getEncoded(false);
  }

  static byte[] hmacSha256(byte[] key, byte[]... parts) {
    return hmac("HmacSHA256", key, parts);
  }

  static byte[] hmacSha512(byte[] key, byte[]... parts) {
    return hmac("HmacSHA512", key, parts);
  }

  private static byte[] hmac(String algorithm, byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available in this JVM", e);
    }
  }

  private static MessageDigest newDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is not available in this JVM", e);
    }
  }
}
