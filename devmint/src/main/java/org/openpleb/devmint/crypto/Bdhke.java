package org.openpleb.devmint.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Blind Diffie-Hellman key exchange (NUT-00) from the mint's side: mapping a proof secret to the
 * curve, signing a blinded message and checking a proof.
 */
public final class Bdhke {

  private static final byte[] DOMAIN_SEPARATOR =
      "Secp256k1_HashToCurve_Cashu_".getBytes(StandardCharsets.US_ASCII);

  private Bdhke() {}

  /**
   * Maps bytes to a curve point: {@code 0x02 || SHA256(SHA256(separator || x) || le32(counter))}
   * for the first counter that gives a valid x coordinate.
   */
  public static ECPoint hashToCurve(byte[] message) {
    byte[] msgHash = Secp256k1.sha256(DOMAIN_SEPARATOR, message);
    byte[] candidate = new byte[33];
    candidate[0] = 0x02;
    for (long counter = 0; counter < (1L << 32); counter++) {
      // The counter is a 4-byte little-endian integer; big-endian gives different points.
      byte[] le = {
        (byte) counter, (byte) (counter >>> 8), (byte) (counter >>> 16), (byte) (counter >>> 24)
      };
      System.arraycopy(Secp256k1.sha256(msgHash, le), 0, candidate, 1, 32);
      try {
        return Secp256k1.decodePoint(candidate);
      } catch (IllegalArgumentException notOnCurve) {
        // about half of all x values have no point; try the next counter
      }
    }
    throw new IllegalStateException("no curve point found");
  }

  /**
   * The point Y of a proof secret. Secrets are hashed as their UTF-8 text, never hex-decoded, as
   * every wallet does.
   */
  public static ECPoint secretToCurve(String secret) {
    return hashToCurve(secret.getBytes(StandardCharsets.UTF_8));
  }

  /** The blind signature {@code C_ = k·B_}. */
  public static ECPoint sign(BigInteger privateKey, ECPoint blindedMessage) {
    return blindedMessage.multiply(privateKey).normalize();
  }

  /** Whether {@code C == k·hash_to_curve(secret)}, the mint's check of a spent proof. */
  public static boolean verify(BigInteger privateKey, String secret, ECPoint signature) {
    return secretToCurve(secret).multiply(privateKey).normalize().equals(signature.normalize());
  }
}
