package org.openpleb.cashu.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.openpleb.cashu.model.DleqProof;
import org.openpleb.cashu.model.Proof;

class DleqTest {

  private static final SecureRandom RND = new SecureRandom();

  private final BigInteger a = Secp256k1.randomScalar(RND);
  private final ECPoint mintKey = Secp256k1.G().multiply(a).normalize();
  private final String secret = "5f1c0a6e4b8d2f3a9e7c1b0d8f6a4c2e";
  private final BigInteger r = Secp256k1.randomScalar(RND);
  private final ECPoint blinded = Bdhke.blindMessage(secret, r);
  private final ECPoint blindSig = Bdhke.sign(a, blinded);
  private final DleqProof dleq = Dleq.prove(a, blinded, blindSig);

  @Test
  void walletAcceptsTheMintsProof() {
    assertTrue(Dleq.verifySignature(dleq, mintKey, blinded, blindSig));
  }

  @Test
  void proofForAnotherKeyIsRejected() {
    ECPoint otherKey = Secp256k1.G().multiply(Secp256k1.randomScalar(RND));
    assertFalse(Dleq.verifySignature(dleq, otherKey, blinded, blindSig));
    // A signature made with another key fails even with an honest-looking proof for it.
    BigInteger other = Secp256k1.randomScalar(RND);
    ECPoint forged = Bdhke.sign(other, blinded);
    assertFalse(Dleq.verifySignature(Dleq.prove(other, blinded, forged), mintKey, blinded, forged));
  }

  @Test
  void receiverChecksAProofCarryingR() {
    ECPoint c = Bdhke.unblind(blindSig, r, mintKey);
    String rHex = Secp256k1.hex(Secp256k1.toBytes32(r));
    Proof proof =
        new Proof(8, "00ad268c4d1f5826", secret, Secp256k1.encode(c), dleq.withR(rHex), null);

    assertTrue(Dleq.verifyProof(proof, mintKey));
    assertFalse(
        Dleq.verifyProof(
            new Proof(8, proof.id(), secret + "x", proof.C(), proof.dleq(), null), mintKey));
    assertFalse(Dleq.verifyProof(new Proof(8, proof.id(), secret, proof.C()), mintKey));
  }

  @Test
  void malformedProofsAreFalseNotExceptions() {
    assertFalse(Dleq.verifySignature(null, mintKey, blinded, blindSig));
    assertFalse(
        Dleq.verifySignature(new DleqProof("zz", dleq.s(), null), mintKey, blinded, blindSig));
    assertFalse(
        Dleq.verifySignature(new DleqProof(dleq.e(), "01", null), mintKey, blinded, blindSig));
    assertFalse(Dleq.verifySignature(new DleqProof(null, null, null), mintKey, blinded, blindSig));
    Proof badC =
        new Proof(
            1,
            "00ad268c4d1f5826",
            secret,
            "02" + "0".repeat(64),
            dleq.withR("11".repeat(32)),
            null);
    assertFalse(Dleq.verifyProof(badC, mintKey));
    Proof badR =
        new Proof(
            1,
            "00ad268c4d1f5826",
            secret,
            Secp256k1.encode(blindSig),
            dleq.withR("00".repeat(32)),
            null);
    assertFalse(Dleq.verifyProof(badR, mintKey));
  }
}
