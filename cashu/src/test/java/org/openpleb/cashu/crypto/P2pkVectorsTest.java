package org.openpleb.cashu.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openpleb.cashu.vectors.VectorFile;
import org.openpleb.cashu.vectors.VectorFile.Block;

/**
 * The NUT-11 P2PK proof vectors that {@code SIG_INPUTS} verification covers (the multisig and
 * {@code SIG_INPUTS} sections). The {@code SIG_ALL} section signs whole swap and melt requests,
 * which this wallet does not build, so it is left out and counted as such.
 */
class P2pkVectorsTest {

  private static final VectorFile FILE = VectorFile.cashu("11-test.md");
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @MethodSource("org.openpleb.cashu.crypto.BothBackends#all")
  void multisigProofs(Secp256k1Backend backend) throws Exception {
    List<Block> blocks = FILE.blocksUnder("Multisig Test Vectors");
    // The first block is the locked proof itself, without a witness.
    JsonNode locked = JSON.readTree(blocks.get(0).body());
    String secret = locked.get("secret").asText();
    String data = JSON.readTree(secret).get(1).get("data").asText();
    assertEquals(data, P2pk.lockedPubkey(secret).orElseThrow());
    assertTrue(!P2pk.verifyWitness(backend, secret, null, now()), "a locked proof without witness");
    FILE.checked(1);

    for (Block block : FILE.blocksUnder("Valid Locktime Multisig")) {
      checkProof(backend, block, true);
    }
    for (Block block : FILE.blocksUnder("Valid Refund Multisig")) {
      checkProof(backend, block, true);
    }
  }

  @ParameterizedTest
  @MethodSource("org.openpleb.cashu.crypto.BothBackends#all")
  void sigInputsProofs(Secp256k1Backend backend) throws Exception {
    for (Block block : FILE.blocksUnder("SIG_INPUTS Test Vectors")) {
      String prose = block.preceding();
      boolean valid =
          !(prose.contains("invalid") || prose.contains("failing") || prose.contains("**not**"));
      checkProof(backend, block, valid);
    }
  }

  @AfterAll
  static void report() {
    long sigAllBlocks = FILE.blocks().stream().filter(b -> b.heading().contains("SIG_ALL")).count();
    FILE.reportPartial(
        " (multisig and SIG_INPUTS proofs; " + sigAllBlocks + " SIG_ALL blocks not applicable)");
  }

  private static void checkProof(Secp256k1Backend backend, Block block, boolean expectedValid)
      throws Exception {
    JsonNode proof = JSON.readTree(FILE.use(block));
    String secret = proof.get("secret").asText();
    String witness = proof.get("witness").asText();
    assertTrue(P2pk.lockedPubkey(secret).isPresent(), "block " + block.index() + " is P2PK");
    assertEquals(
        expectedValid,
        P2pk.verifyWitness(backend, secret, witness, now()),
        "block " + block.index() + " witness on " + backend.name());
    FILE.checked(1);
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }
}
