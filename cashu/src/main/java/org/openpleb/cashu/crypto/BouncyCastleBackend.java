package org.openpleb.cashu.crypto;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The pure-Java secp256k1 back end on Bouncy Castle: the reference the vector tests pin and the
 * fallback wherever libsecp256k1 cannot load. It runs the package's long-standing Bouncy Castle
 * code ({@link Bdhke}, {@link Dleq}, {@link Schnorr}) on decoded points.
 */
final class BouncyCastleBackend implements Secp256k1Backend {

  static final BouncyCastleBackend INSTANCE = new BouncyCastleBackend();

  private BouncyCastleBackend() {}

  @Override
  public String name() {
    return "java";
  }

  @Override
  public byte[] hashToCurve(byte[] message) {
    return Secp256k1.compressed(Secp256k1.hashToCurve(message));
  }

  @Override
  public byte[] blind(byte[] message, BigInteger r) {
    return Secp256k1.compressed(Bdhke.blind(message, r));
  }

  @Override
  public byte[] unblind(byte[] blindSignature, BigInteger r, byte[] mintKey) {
    return Secp256k1.compressed(Bdhke.unblind(point(blindSignature), r, mintKey(mintKey)));
  }

  @Override
  public byte[] reblind(byte[] signature, BigInteger r, byte[] mintKey) {
    Secp256k1.requireScalar(r, "blinding factor r");
    return Secp256k1.compressed(point(signature).add(mintKey(mintKey).multiply(r)).normalize());
  }

  @Override
  public boolean verifyDleq(
      BigInteger e, BigInteger s, byte[] mintKey, byte[] blinded, byte[] blindSig) {
    return Dleq.verifyReference(e, s, mintKey(mintKey), point(blinded), point(blindSig));
  }

  @Override
  public byte[] multiplyG(BigInteger k) {
    Secp256k1.requireScalar(k, "scalar");
    return Secp256k1.compressed(Secp256k1.multiplyG(k).normalize());
  }

  @Override
  public boolean isPoint(byte[] encoded) {
    try {
      point(encoded);
      return true;
    } catch (CashuCryptoException notAPoint) {
      return false;
    }
  }

  @Override
  public byte[] signSchnorr(byte[] secretKey32, byte[] message32, byte[] auxRand32) {
    return Schnorr.sign(Schnorr.Revision.FINAL, secretKey32, message32, auxRand32);
  }

  @Override
  public boolean verifySchnorr(byte[] publicKeyX32, byte[] message32, byte[] signature64) {
    return Schnorr.verify(Schnorr.Revision.FINAL, publicKeyX32, message32, signature64);
  }

  private static ECPoint point(byte[] encoded) {
    return Secp256k1.decodeCompressed(encoded);
  }

  /** Mint keys through the decoded-key cache, which keeps Bouncy Castle's multiplication tables. */
  private static ECPoint mintKey(byte[] encoded) {
    if (encoded == null) {
      throw new CashuCryptoException("the mint key is missing");
    }
    return Secp256k1.decodeMintKey(Secp256k1.hex(encoded));
  }
}
