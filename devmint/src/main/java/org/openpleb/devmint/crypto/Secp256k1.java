package org.openpleb.devmint.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.encoders.DecoderException;
import org.bouncycastle.util.encoders.Hex;

/**
 * The secp256k1 group as Cashu writes it: points as 33-byte compressed SEC1 hex, scalars as 32-byte
 * big-endian hex modulo the group order.
 */
public final class Secp256k1 {

  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");

  /** The generator G. */
  public static final ECPoint G = CURVE.getG();

  /** The group order n. */
  public static final BigInteger N = CURVE.getN();

  /** Domain parameters for Bouncy Castle's signers. */
  public static final ECDomainParameters DOMAIN =
      new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());

  private Secp256k1() {}

  /**
   * Decodes a compressed (or uncompressed) SEC1 point.
   *
   * @throws IllegalArgumentException if the bytes are not a point on the curve or are infinity
   */
  public static ECPoint decodePoint(byte[] encoded) {
    if (encoded.length != 33 && encoded.length != 65) {
      throw new IllegalArgumentException("a point is 33 or 65 bytes");
    }
    ECPoint point = CURVE.getCurve().decodePoint(encoded).normalize();
    if (point.isInfinity() || !point.isValid()) {
      throw new IllegalArgumentException("not a valid curve point");
    }
    return point;
  }

  /**
   * Decodes a point from hex.
   *
   * @throws IllegalArgumentException if the text is not hex of a valid point
   */
  public static ECPoint decodePoint(String hex) {
    return decodePoint(hexToBytes(hex));
  }

  /** The 33-byte compressed encoding. */
  public static byte[] compressed(ECPoint point) {
    return point.normalize().getEncoded(true);
  }

  /** The 65-byte uncompressed encoding. */
  public static byte[] uncompressed(ECPoint point) {
    return point.normalize().getEncoded(false);
  }

  /** The compressed encoding in lowercase hex, the form every NUT uses on the wire. */
  public static String toHex(ECPoint point) {
    return Hex.toHexString(compressed(point));
  }

  /** A scalar as exactly 32 big-endian bytes (sign byte stripped, zero padded on the left). */
  public static byte[] scalarBytes(BigInteger scalar) {
    byte[] raw = scalar.toByteArray();
    if (raw.length == 32) {
      return raw;
    }
    if (raw.length > 32) {
      if (raw.length == 33 && raw[0] == 0) {
        return Arrays.copyOfRange(raw, 1, 33);
      }
      throw new IllegalArgumentException("scalar wider than 32 bytes");
    }
    byte[] padded = new byte[32];
    System.arraycopy(raw, 0, padded, 32 - raw.length, raw.length);
    return padded;
  }

  /** A scalar as 64 lowercase hex characters. */
  public static String scalarHex(BigInteger scalar) {
    return Hex.toHexString(scalarBytes(scalar));
  }

  /** Parses hex as an unsigned big-endian integer. */
  public static BigInteger scalar(String hex) {
    return new BigInteger(1, hexToBytes(hex));
  }

  /**
   * Decodes hex text.
   *
   * @throws IllegalArgumentException on odd length or a non-hex character
   */
  public static byte[] hexToBytes(String hex) {
    if (hex == null || hex.length() % 2 != 0) {
      throw new IllegalArgumentException("hex must have an even length");
    }
    try {
      return Hex.decodeStrict(hex);
    } catch (DecoderException e) {
      throw new IllegalArgumentException("not hex", e);
    }
  }

  /** SHA-256 of the concatenated parts. */
  public static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(part);
      }
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java 17 runtime has SHA-256", e);
    }
  }

  /** SHA-256 of a UTF-8 string. */
  public static byte[] sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
