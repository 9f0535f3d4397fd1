package org.openpleb.cashu.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openpleb.cashu.vectors.VectorFile;
import org.openpleb.cashu.vectors.VectorFile.Block;

/** The NUT-13 deterministic secret vectors (V1 BIP32 and V2 HMAC), read from disk. */
class DeterministicSecretsVectorsTest {

  private static final VectorFile FILE = VectorFile.cashu("13-tests.md");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern INDEXED = Pattern.compile("^(secret|r|derivation_path)_(\\d+)$");

  @Test
  void v1KeysetIdIntegerAndPath() throws Exception {
    JsonNode mapping = json(FILE.blocksUnder("keyset ID integer").get(0));
    String keysetId = mapping.get("keyset_id").asText();
    long expectedInt = idIntField(mapping).asLong();

    assertEquals(expectedInt, DeterministicSecrets.v1KeysetInt(keysetId));
    String template = mapping.get("derivation_path").asText();
    for (long counter : new long[] {0, 1, 41}) {
      assertEquals(
          template.replace("{counter}", Long.toString(counter)),
          DeterministicSecrets.v1DerivationPath(keysetId, counter));
    }
    FILE.checked(1);
  }

  @ParameterizedTest
  @MethodSource("org.openpleb.cashu.crypto.BothBackends#all")
  void v1SecretsBlindingFactorsAndPaths(Secp256k1Backend backend) throws Exception {
    String keysetId =
        json(FILE.blocks().get(0)).get("keyset_id").asText(); // the section reuses this keyset
    List<Block> blocks = FILE.blocksUnder("Version 1: Secret derivation");
    checkSection(backend, blocks, keysetId);
  }

  @ParameterizedTest
  @MethodSource("org.openpleb.cashu.crypto.BothBackends#all")
  void v2SecretsAndBlindingFactors(Secp256k1Backend backend) throws Exception {
    List<Block> blocks = FILE.blocksUnder("Version 2: Secret derivation");
    Matcher id = Pattern.compile("keyset ID `([0-9a-f]+)`").matcher(blocks.get(0).preceding());
    assertTrue(id.find(), "13-tests.md: V2 section names no keyset id");
    checkSection(backend, blocks, id.group(1));
  }

  @AfterAll
  static void report() {
    FILE.report();
  }

  private static void checkSection(Secp256k1Backend backend, List<Block> blocks, String keysetId)
      throws Exception {
    byte[] seed = null;
    for (Block block : blocks) {
      JsonNode node = json(block);
      if (node.has("mnemonic")) {
        seed = DeterministicSecrets.seedFromMnemonic(node.get("mnemonic").asText(), "");
        continue;
      }
      assertTrue(seed != null, "13-tests.md: values before the mnemonic");
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        Matcher m = INDEXED.matcher(field.getKey());
        assertTrue(m.matches(), "13-tests.md: unexpected field " + field.getKey());
        long counter = Long.parseLong(m.group(2));
        String expected = field.getValue().asText();
        DerivedOutput output = DeterministicSecrets.derive(backend, seed, keysetId, counter);
        switch (m.group(1)) {
          case "secret" -> assertEquals(expected, output.secret());
          case "r" -> assertEquals(new BigInteger(expected, 16), output.r());
          default ->
              assertEquals(expected, DeterministicSecrets.v1DerivationPath(keysetId, counter));
        }
        FILE.checked(1);
      }
    }
  }

  private static JsonNode idIntField(JsonNode mapping) {
    // The published file spells this field "keyest_id_int"; accept any *_id_int name.
    Iterator<String> names = mapping.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (name.endsWith("_id_int")) {
        return mapping.get(name);
      }
    }
    throw new AssertionError("13-tests.md: no keyset id integer field");
  }

  private static JsonNode json(Block block) throws Exception {
    FILE.use(block);
    return JSON.readTree(block.body());
  }
}
