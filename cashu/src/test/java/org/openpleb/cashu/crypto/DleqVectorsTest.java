package org.openpleb.cashu.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.cashu.vectors.VectorFile.keyValueGroups;
import static org.openpleb.cashu.vectors.VectorFile.value;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openpleb.cashu.model.BlindSignature;
import org.openpleb.cashu.model.DleqProof;
import org.openpleb.cashu.model.Proof;
import org.openpleb.cashu.vectors.VectorFile;
import org.openpleb.cashu.vectors.VectorFile.Block;

/** The NUT-12 DLEQ vectors, read from disk; every check runs on both secp256k1 back ends. */
class DleqVectorsTest {

  private static final VectorFile FILE = VectorFile.cashu("12-tests.md");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void hashEIsReproduced() {
    List<Block> blocks = FILE.blocksUnder("hash_e");
    List<String[]> points = keyValueGroups(blocks.get(0).body()).get(0);
    List<String[]> result = keyValueGroups(blocks.get(1).body()).get(0);
    ECPoint[] input =
        points.stream().map(kv -> Secp256k1.decodePoint(kv[1])).toArray(ECPoint[]::new);
    assertEquals(result.get(0)[1], Secp256k1.hex(Dleq.hashE(input)));
    FILE.checked(1);
  }

  @ParameterizedTest
  @MethodSource("org.openpleb.cashu.crypto.BothBackends#all")
  void deterministicNonceGivesTheExactProof(Secp256k1Backend backend) {
    List<Block> blocks = FILE.blocksUnder("Deterministic nonce");
    List<String[]> in = keyValueGroups(blocks.get(0).body()).get(0);
    List<String[]> out = keyValueGroups(blocks.get(1).body()).get(0);
    BigInteger a = new BigInteger(value(in, "a"), 16);
    ECPoint mintKey = Secp256k1.decodePoint(value(in, "A"));
    ECPoint blinded = Secp256k1.decodePoint(value(in, "B_"));
    ECPoint blindSig = Secp256k1.decodePoint(value(in, "C_"));
    assertEquals(mintKey, Secp256k1.G().multiply(a).normalize());
    assertEquals(value(in, "A"), Secp256k1.hex(backend.multiplyG(a)), backend.name());
    assertEquals(blindSig, Bdhke.sign(a, blinded));

    DleqProof proof = Dleq.prove(a, blinded, blindSig);
    assertEquals(value(out, "e"), proof.e());
    assertEquals(value(out, "s"), proof.s());
    assertTrue(Dleq.verifySignature(proof, mintKey, blinded, blindSig));
    assertTrue(
        Dleq.verifySignature(backend, proof, value(in, "A"), value(in, "B_"), value(in, "C_")),
        backend.name());
    FILE.checked(1);
  }

  @ParameterizedTest
  @MethodSource("org.openpleb.cashu.crypto.BothBackends#all")
  void blindSignatureDleqVerifies(Secp256k1Backend backend) throws Exception {
    List<Block> blocks = FILE.blocksUnder("on `BlindSignature`");
    List<String[]> keys = keyValueGroups(blocks.get(0).body()).get(0);
    BlindSignature signature = JSON.readValue(blocks.get(1).body(), BlindSignature.class);
    String mintKey = value(keys, "A");
    String blinded = value(keys, "B_");
    String blindSig = signature.C_();

    assertTrue(Dleq.verifySignature(backend, signature.dleq(), mintKey, blinded, blindSig));
    // The same proof must not vouch for another blinded message.
    String other = Secp256k1.encode(Secp256k1.decodePoint(blindSig).twice());
    assertFalse(Dleq.verifySignature(backend, signature.dleq(), mintKey, other, blindSig));
    FILE.checked(1);
  }

  @ParameterizedTest
  @MethodSource("org.openpleb.cashu.crypto.BothBackends#all")
  void proofDleqVerifiesWithUtf8Secret(Secp256k1Backend backend) throws Exception {
    List<Block> blocks = FILE.blocksUnder("on `Proof`");
    List<String[]> keys = keyValueGroups(blocks.get(0).body()).get(0);
    Proof proof = JSON.readValue(blocks.get(1).body(), Proof.class);
    String mintKey = value(keys, "A");

    assertTrue(Dleq.verifyProof(backend, proof, mintKey));
    Proof withoutR =
        new Proof(
            proof.amount(), proof.id(), proof.secret(), proof.C(), proof.dleq().withR(null), null);
    assertFalse(Dleq.verifyProof(backend, withoutR, mintKey));
    FILE.checked(1);
  }

  @AfterAll
  static void report() {
    FILE.report();
  }
}
