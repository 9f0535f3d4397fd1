package org.openpleb.cashu.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.openpleb.cashu.model.DleqProof;
import org.openpleb.cashu.model.Proof;

/**
 * NUT-12 discrete-log-equality proofs: evidence that a blind signature was made with the same
 * private key as the keyset's published public key for that amount, so a wallet can trust a
 * signature without asking the mint.
 */
public final class Dleq {

  private static final byte[] NONCE_DOMAIN = "Cashu_DLEQ_R_v1".getBytes(StandardCharsets.US_ASCII);

  private Dleq() {}

  /**
   * The challenge hash: SHA-256 over the concatenated lowercase hex strings of the 65-byte
   * uncompressed encodings of {@code points} (the hex text is hashed, not the raw bytes).
   */
  public static byte[] hashE(ECPoint... points) {
    byte[][] uncompressed = new byte[points.length][];
    for (int i = 0; i < points.length; i++) {
      uncompressed[i] = Secp256k1.uncompressed(points[i].normalize());
    }
    return hashE(uncompressed);
  }

  /** {@link #hashE(ECPoint...)} over points already in their 65-byte uncompressed encoding. */
  static byte[] hashE(byte[]... uncompressed) {
    StringBuilder hex = new StringBuilder(uncompressed.length * 130);
    for (byte[] point : uncompressed) {
      hex.append(Secp256k1.hex(point));
    }
    return Secp256k1.sha256(hex.toString().getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Alice's check of a blind signature given as compressed hex, on the {@linkplain
   * Secp256k1Backends#active() active back end}. False for any missing or malformed input.
   */
  public static boolean verifySignature(
      DleqProof dleq, String mintKeyHex, String blindedHex, String blindSigHex) {
    return verifySignature(Secp256k1Backends.active(), dleq, mintKeyHex, blindedHex, blindSigHex);
  }

  static boolean verifySignature(
      Secp256k1Backend backend,
      DleqProof dleq,
      String mintKeyHex,
      String blindedHex,
      String blindSigHex) {
    if (dleq == null || mintKeyHex == null || blindedHex == null || blindSigHex == null) {
      return false;
    }
    try {
      BigInteger e = Secp256k1.parseScalarAllowZero(dleq.e(), "dleq e");
      BigInteger s = Secp256k1.parseScalarAllowZero(dleq.s(), "dleq s");
      return backend.verifyDleq(
          e, s, point(mintKeyHex, "mint key"), point(blindedHex, "B_"), point(blindSigHex, "C_"));
    } catch (RuntimeException malformed) {
      return false;
    }
  }

  /**
   * Carol's check of a received proof on the {@linkplain Secp256k1Backends#active() active back
   * end}: rebuilds {@code B_ = Y + rG} and {@code C_ = C + rA} and checks the signature's DLEQ.
   * False if the proof carries no DLEQ, no {@code r}, or anything malformed.
   */
  public static boolean verifyProof(Proof proof, String mintKeyHex) {
    return verifyProof(Secp256k1Backends.active(), proof, mintKeyHex);
  }

  static boolean verifyProof(Secp256k1Backend backend, Proof proof, String mintKeyHex) {
    if (proof == null || mintKeyHex == null || proof.dleq() == null || proof.dleq().r() == null) {
      return false;
    }
    try {
      BigInteger r = Secp256k1.parseScalar(proof.dleq().r(), "dleq r");
      BigInteger e = Secp256k1.parseScalarAllowZero(proof.dleq().e(), "dleq e");
      BigInteger s = Secp256k1.parseScalarAllowZero(proof.dleq().s(), "dleq s");
      byte[] mintKey = point(mintKeyHex, "mint key");
      byte[] blinded = backend.blind(Bdhke.utf8(proof.secret()), r);
      byte[] blindSig = backend.reblind(point(proof.C(), "C"), r, mintKey);
      return backend.verifyDleq(e, s, mintKey, blinded, blindSig);
    } catch (RuntimeException malformed) {
      return false;
    }
  }

  /**
   * Alice's check of a blind signature: {@code R1 = sG - eA}, {@code R2 = sB_ - eC_}, {@code e ==
   * hash_e(R1, R2, A, C_)}. Returns false for any missing or malformed input. This is the Bouncy
   * Castle reference; the wallet checks through {@link #verifySignature(DleqProof, String, String,
   * String)}.
   */
  public static boolean verifySignature(
      DleqProof dleq, ECPoint mintKey, ECPoint blinded, ECPoint blindSig) {
    if (dleq == null || mintKey == null || blinded == null || blindSig == null) {
      return false;
    }
    try {
      BigInteger e = Secp256k1.parseScalarAllowZero(dleq.e(), "dleq e");
      BigInteger s = Secp256k1.parseScalarAllowZero(dleq.s(), "dleq s");
      return verifyReference(e, s, mintKey, blinded, blindSig);
    } catch (RuntimeException malformed) {
      return false;
    }
  }

  /** The Bouncy Castle arithmetic of the DLEQ check, for in-range {@code e} and {@code s}. */
  static boolean verifyReference(
      BigInteger e, BigInteger s, ECPoint mintKey, ECPoint blinded, ECPoint blindSig) {
    // Each side as one double multiplication (Shamir's trick over the curve's endomorphism):
    // about half the cost of two multiplications and a subtraction; a wallet checks one such
    // pair for every signature the mint returns.
    BigInteger minusE = e.negate().mod(Secp256k1.order());
    ECPoint r1 = ECAlgorithms.sumOfTwoMultiplies(Secp256k1.G(), s, mintKey, minusE).normalize();
    ECPoint r2 = ECAlgorithms.sumOfTwoMultiplies(blinded, s, blindSig, minusE).normalize();
    if (r1.isInfinity() || r2.isInfinity()) {
      return false;
    }
    BigInteger expected = new BigInteger(1, hashE(r1, r2, mintKey, blindSig));
    return expected.equals(e);
  }

  /**
   * Carol's check of a received proof: rebuilds {@code B_ = Y + rG} and {@code C_ = C + rA} from
   * the blinding factor {@code dleq.r} and checks the signature's DLEQ. False if the proof carries
   * no DLEQ, no {@code r}, or anything malformed.
   */
  public static boolean verifyProof(Proof proof, ECPoint mintKey) {
    if (proof == null || mintKey == null || proof.dleq() == null || proof.dleq().r() == null) {
      return false;
    }
    try {
      BigInteger r = Secp256k1.parseScalar(proof.dleq().r(), "dleq r");
      ECPoint c = Secp256k1.decodePoint(proof.C());
      ECPoint blinded = Bdhke.blindMessage(proof.secret(), r);
      ECPoint blindSig = c.add(mintKey.multiply(r)).normalize();
      return verifySignature(proof.dleq(), mintKey, blinded, blindSig);
    } catch (RuntimeException malformed) {
      return false;
    }
  }

  /**
   * The mint's proof for {@code C_ = aB_}, with the deterministic nonce of NUT-12: {@code r =
   * HMAC-SHA256(a, "Cashu_DLEQ_R_v1" || A || B_ || C_ || ctr)} over uncompressed points and a
   * one-byte counter, retried until {@code 0 < r < n}. The result has no {@code r} field.
   */
  public static DleqProof prove(BigInteger a, ECPoint blinded, ECPoint blindSig) {
    Secp256k1.requireScalar(a, "mint private key");
    ECPoint mintKey = Secp256k1.multiplyG(a).normalize();
    BigInteger n = Secp256k1.order();
    byte[] key = Secp256k1.toBytes32(a);
    byte[] points =
        concat(
            Secp256k1.uncompressed(mintKey),
            Secp256k1.uncompressed(blinded.normalize()),
            Secp256k1.uncompressed(blindSig.normalize()));
    for (int ctr = 0; ctr < 256; ctr++) {
      BigInteger nonce =
          new BigInteger(
              1, Secp256k1.hmacSha256(key, NONCE_DOMAIN, points, new byte[] {(byte) ctr}));
      if (nonce.signum() == 0 || nonce.compareTo(n) >= 0) {
        continue;
      }
      ECPoint r1 = Secp256k1.multiplyG(nonce).normalize();
      ECPoint r2 = blinded.multiply(nonce).normalize();
      BigInteger e = new BigInteger(1, hashE(r1, r2, mintKey, blindSig));
      BigInteger s = nonce.add(e.multiply(a)).mod(n);
      return new DleqProof(
          Secp256k1.hex(Secp256k1.toBytes32(e)), Secp256k1.hex(Secp256k1.toBytes32(s)), null);
    }
    throw new CashuCryptoException("no DLEQ nonce found in 256 tries");
  }

  private static byte[] point(String hex, String what) {
    if (hex == null || hex.length() != 66) {
      throw new CashuCryptoException(what + " must be 33 bytes (66 hex digits)");
    }
    return Secp256k1.parseHex(hex, what);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int offset = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, offset, part.length);
      offset += part.length;
    }
    return out;
  }
}
