package org.openpleb.cashu.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.cashu.vectors.VectorFile.dataLines;
import static org.openpleb.cashu.vectors.VectorFile.keyValueGroups;
import static org.openpleb.cashu.vectors.VectorFile.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openpleb.cashu.crypto.Bdhke;
import org.openpleb.cashu.crypto.Secp256k1;
import org.openpleb.cashu.crypto.Secp256k1Backend;
import org.openpleb.cashu.model.Proof;
import org.openpleb.cashu.vectors.VectorFile;
import org.openpleb.cashu.vectors.VectorFile.Block;

/**
 * Every vector of NUT-00, read from disk: hash_to_curve, blinding, blind signing (over the
 * hex-decoded bytes the vectors mean), V3 decoding, V4 and raw encoding byte for byte.
 */
class Nut00VectorsTest {

  private static final VectorFile FILE = VectorFile.cashu("00-tests.md");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();

  @ParameterizedTest
  @MethodSource("org.openpleb.cashu.crypto.BothBackends#all")
  void hashToCurve(Secp256k1Backend backend) {
    for (List<String[]> test : keyValueGroups(only(FILE.blocksUnder("Hash-to-curve")))) {
      byte[] message = HEX.parseHex(value(test, "Message"));
      assertEquals(value(test, "Point"), Secp256k1.encode(Secp256k1.hashToCurve(message)));
      assertEquals(value(test, "Point"), Secp256k1.hex(backend.hashToCurve(message)));
      FILE.checked(1);
    }
  }

  @ParameterizedTest
  @MethodSource("org.openpleb.cashu.crypto.BothBackends#all")
  void blindedMessages(Secp256k1Backend backend) {
    for (List<String[]> test : keyValueGroups(only(FILE.blocksUnder("Blinded messages")))) {
      byte[] x = HEX.parseHex(value(test, "x"));
      BigInteger r = new BigInteger(value(test, "r"), 16);
      assertEquals(value(test, "B_"), Secp256k1.encode(Bdhke.blind(x, r)));
      assertEquals(value(test, "B_"), Secp256k1.hex(backend.blind(x, r)), backend.name());
      FILE.checked(1);
    }
  }

  @Test
  void blindSignatures() {
    for (List<String[]> test : keyValueGroups(only(FILE.blocksUnder("Blinded signatures")))) {
      BigInteger k = new BigInteger(value(test, "mint private key"), 16);
      String blinded = value(test, "B_");
      assertEquals(
          value(test, "C_"), Secp256k1.encode(Bdhke.sign(k, Secp256k1.decodePoint(blinded))));
      FILE.checked(1);
    }
  }

  @Test
  void v3SerializationDecodesToItsJson() throws Exception {
    List<Block> blocks = FILE.blocksUnder("Serialization of TokenV3");
    Token expected = v3Json(blocks.get(0).body());
    String serialized = only(List.of(blocks.get(1)));
    assertEquals(expected, TokenCodec.decodeUnresolved(serialized));
    assertEquals(expected, TokenCodec.decode(serialized, List.of()));
    FILE.checked(1);
  }

  @Test
  void v3Deserialization() throws Exception {
    Token json = v3Json(FILE.blocksUnder("Serialization of TokenV3").get(0).body());
    List<Block> blocks = FILE.blocksUnder("Deserialization of TokenV3");
    for (String invalid : dataLines(blocks.get(0).body())) {
      TokenFormatException e =
          assertThrows(TokenFormatException.class, () -> TokenCodec.decodeUnresolved(invalid));
      assertFalse(e.getMessage().contains(invalid.substring(10, 40)), "message echoes the token");
      FILE.checked(1);
    }
    for (String valid : dataLines(blocks.get(1).body())) {
      assertEquals(json, TokenCodec.decodeUnresolved(valid));
      FILE.checked(1);
    }
    List<String> paddedAndNot = dataLines(blocks.get(2).body());
    Token first = TokenCodec.decodeUnresolved(paddedAndNot.get(0));
    for (String token : paddedAndNot) {
      Token decoded = TokenCodec.decodeUnresolved(token);
      assertEquals(first, decoded);
      assertEquals(json.proofs(), decoded.proofs());
      assertNotNull(decoded.memo());
      FILE.checked(1);
    }
  }

  @Test
  void v4SingleKeysetIsByteExact() throws Exception {
    checkV4(FILE.blocksUnder("Single keyset"));
  }

  @Test
  void v4MultipleKeysetsIsByteExact() throws Exception {
    checkV4(FILE.blocksUnder("Multiple keysets"));
  }

  @Test
  void rawTokenIsByteExact() throws Exception {
    Block block = only(FILE.blocksUnder("TokenV4"), "Raw Token");
    Token token = v4Notation(block.body());
    Matcher raw = Pattern.compile("`h'([0-9a-f]+)'`").matcher(FILE.text());
    assertTrue(raw.find(), "00-tests.md: no raw token bytes");
    byte[] expected = HEX.parseHex(raw.group(1));
    assertArrayEquals(expected, TokenCodec.encodeRaw(token));
    assertEquals(token, TokenCodec.decodeRaw(expected, List.of()));
    FILE.checked(1);
  }

  @AfterAll
  static void report() {
    FILE.report();
  }

  private static void checkV4(List<Block> blocks) throws Exception {
    Token token = v4Notation(blocks.get(0).body());
    String serialized = only(List.of(blocks.get(1)));
    String encoded = TokenCodec.encodeV4(token);
    assertEquals(serialized.replace("=", ""), encoded);
    assertArrayEquals(cborOf(serialized), cborOf(encoded));
    assertEquals(token, TokenCodec.decodeUnresolved(serialized));
    assertEquals(token, TokenCodec.decode(serialized, List.of()));
    FILE.checked(1);
  }

  private static byte[] cborOf(String token) {
    return Base64.getUrlDecoder().decode(token.substring("cashuB".length()));
  }

  /** The token a V3 JSON example describes. */
  private static Token v3Json(String body) throws Exception {
    JsonNode root = JSON.readTree(body);
    JsonNode entry = root.get("token").get(0);
    List<Proof> proofs = new ArrayList<>();
    for (JsonNode p : entry.get("proofs")) {
      proofs.add(
          new Proof(
              p.get("amount").asLong(),
              p.get("id").asText(),
              p.get("secret").asText(),
              p.get("C").asText()));
    }
    return new Token(
        entry.get("mint").asText(), root.get("unit").asText(), root.get("memo").asText(), proofs);
  }

  /** The token a V4 example in CBOR diagnostic notation describes. */
  private static Token v4Notation(String body) throws Exception {
    JsonNode root = JSON.readTree(VectorFile.cborNotationToJson(body));
    List<Proof> proofs = new ArrayList<>();
    for (JsonNode entry : root.get("t")) {
      for (JsonNode p : entry.get("p")) {
        proofs.add(
            new Proof(
                p.get("a").asLong(),
                entry.get("i").asText(),
                p.get("s").asText(),
                p.get("c").asText()));
      }
    }
    String memo = root.has("d") ? root.get("d").asText() : null;
    return new Token(root.get("m").asText(), root.get("u").asText(), memo, proofs);
  }

  private static String only(List<Block> blocks) {
    assertEquals(1, blocks.size());
    List<String> lines = dataLines(blocks.get(0).body());
    return lines.size() == 1 ? lines.get(0) : blocks.get(0).body();
  }

  private static Block only(List<Block> blocks, String section) {
    assertEquals(1, blocks.size(), "00-tests.md: one block under " + section);
    return blocks.get(0);
  }
}
