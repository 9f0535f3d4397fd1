package org.openpleb.devmint.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.encoders.Hex;

/**
 * NUT-12 discrete-log-equality proofs: the mint shows that the key behind a blind signature is the
 * published key for its amount, without revealing it.
 */
public final class Dleq {

  private static final byte[] NONCE_TAG = "Cashu_DLEQ_R_v1".getBytes(StandardCharsets.US_ASCII);

  private Dleq() {}

  /** A proof {@code (e, s)}. */
  public record Proof(BigInteger e, BigInteger s) {}

  /**
   * {@code SHA256} over the concatenated lowercase hex strings of the uncompressed points, as
   * NUT-12 specifies (the hex text is hashed, not the raw bytes).
   */
  public static byte[] hashE(ECPoint... points) {
    StringBuilder text = new StringBuilder(points.length * 130);
    for (ECPoint point : points) {
      text.append(Hex.toHexString(Secp256k1.uncompressed(point)));
    }
    return Secp256k1.sha256(text.toString());
  }

  /**
   * Proves that {@code C_ = a·B_} and {@code A = a·G} share {@code a}, with the deterministic nonce
   * {@code r = HMAC-SHA256(a, "Cashu_DLEQ_R_v1" || A || B_ || C_ || ctr)}.
   */
  public static Proof prove(BigInteger a, ECPoint blindedMessage, ECPoint blindSignature) {
    ECPoint publicKey = Secp256k1.G.multiply(a).normalize();
    BigInteger r = nonce(a, publicKey, blindedMessage, blindSignature);
    ECPoint r1 = Secp256k1.G.multiply(r);
    ECPoint r2 = blindedMessage.multiply(r);
    BigInteger e = new BigInteger(1, hashE(r1, r2, publicKey, blindSignature));
    BigInteger s = r.add(e.multiply(a)).mod(Secp256k1.N);
    return new Proof(e, s);
  }

  /** Alice's check: {@code e == hash(s·G − e·A, s·B_ − e·C_, A, C_)}. */
  public static boolean verify(
      ECPoint publicKey, ECPoint blindedMessage, ECPoint blindSignature, Proof proof) {
    ECPoint r1 = Secp256k1.G.multiply(proof.s()).subtract(publicKey.multiply(proof.e()));
    ECPoint r2 = blindedMessage.multiply(proof.s()).subtract(blindSignature.multiply(proof.e()));
    if (r1.isInfinity() || r2.isInfinity()) {
      return false;
    }
    BigInteger e = new BigInteger(1, hashE(r1, r2, publicKey, blindSignature));
    return e.equals(proof.e());
  }

  /**
   * Carol's check of a proof received in a token: rebuild {@code B_ = Y + r·G} and {@code C_ = C +
   * r·A} from the blinding factor, then check as Alice does.
   */
  public static boolean verifyProof(
      ECPoint publicKey, String secret, ECPoint signature, BigInteger blindingFactor, Proof proof) {
    ECPoint blinded = Bdhke.secretToCurve(secret).add(Secp256k1.G.multiply(blindingFactor));
    ECPoint blindSignature = signature.add(publicKey.multiply(blindingFactor));
    return verify(publicKey, blinded.normalize(), blindSignature.normalize(), proof);
  }

  static BigInteger nonce(BigInteger a, ECPoint publicKey, ECPoint blinded, ECPoint signature) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Secp256k1.scalarBytes(a), "HmacSHA256"));
      for (int ctr = 0; ctr < 256; ctr++) {
        mac.update(NONCE_TAG);
        mac.update(Secp256k1.uncompressed(publicKey));
        mac.update(Secp256k1.uncompressed(blinded));
        mac.update(Secp256k1.uncompressed(signature));
        mac.update((byte) ctr);
        BigInteger r = new BigInteger(1, mac.doFinal());
        if (r.signum() > 0 && r.compareTo(Secp256k1.N) < 0) {
          return r;
        }
      }
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
    }
    throw new IllegalStateException("no DLEQ nonce in 256 tries");
  }
}
