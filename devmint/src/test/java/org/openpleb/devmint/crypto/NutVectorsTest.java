package org.openpleb.devmint.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.openpleb.devmint.SharedVectors;

/**
 * The mint's crypto reproduces the official NUT-00, NUT-02 and NUT-12 vectors, read straight from
 * the shared vector files.
 */
class NutVectorsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void hashToCurveMatchesNut00() {
    Matcher m =
        Pattern.compile("Message: ([0-9a-f]{64})\\s+Point:\\s+([0-9a-f]{66})")
            .matcher(SharedVectors.read("00-tests.md"));
    int count = 0;
    while (m.find()) {
      ECPoint point = Bdhke.hashToCurve(Hex.decode(m.group(1)));
      assertEquals(m.group(2), Secp256k1.toHex(point));
      count++;
    }
    report("NUT-00 hash_to_curve", count);
    assertEquals(3, count);
  }

  @Test
  void blindedMessagesMatchNut00() {
    // B_ = Y + r·G is wallet arithmetic, but it exercises hash_to_curve and the point codec.
    Matcher m =
        Pattern.compile(
                "x:\\s+([0-9a-f]{64}).*\\R\\s*r:\\s+([0-9a-f]{64}).*\\R\\s*B_:\\s+([0-9a-f]{66})")
            .matcher(SharedVectors.read("00-tests.md"));
    int count = 0;
    while (m.find()) {
      ECPoint y = Bdhke.hashToCurve(Hex.decode(m.group(1)));
      ECPoint blinded = y.add(Secp256k1.G.multiply(new BigInteger(m.group(2), 16)));
      assertEquals(m.group(3), Secp256k1.toHex(blinded));
      count++;
    }
    report("NUT-00 B_", count);
    assertEquals(2, count);
  }

  @Test
  void blindSignaturesMatchNut00() {
    Matcher m =
        Pattern.compile(
                "mint private key: ([0-9a-f]{64})\\s+B_: ([0-9a-f]{66})\\s+C_: ([0-9a-f]{66})")
            .matcher(SharedVectors.read("00-tests.md"));
    int count = 0;
    while (m.find()) {
      ECPoint signature =
          Bdhke.sign(Secp256k1.scalar(m.group(1)), Secp256k1.decodePoint(m.group(2)));
      assertEquals(m.group(3), Secp256k1.toHex(signature));
      count++;
    }
    report("NUT-00 C_", count);
    assertEquals(2, count);
  }

  @Test
  void keysetIdsMatchNut02Version2() throws Exception {
    String text = SharedVectors.read("02-tests.md");
    String v2 = text.substring(text.indexOf("## Version 2"));
    Matcher m =
        Pattern.compile(
                "Keyset id: `(01[0-9a-f]{64})`\\s+- Unit: `(\\w+)`\\s+- Input fee ppk: `(\\d+)`"
                    + "(?:\\s+- Final expiry: `(\\d+)`)?\\s+Keys:\\s+```json\\s+(\\{.*?\\})\\s+```",
                Pattern.DOTALL)
            .matcher(v2);
    int count = 0;
    while (m.find()) {
      Map<String, String> keys = JSON.readValue(m.group(5), new TypeReference<>() {});
      TreeMap<BigInteger, String> byAmount = new TreeMap<>();
      keys.forEach((amount, key) -> byAmount.put(new BigInteger(amount), key));
      Long finalExpiry = m.group(4) == null ? null : Long.valueOf(m.group(4));
      assertEquals(
          m.group(1), KeysetId.v2(byAmount, m.group(2), Long.parseLong(m.group(3)), finalExpiry));
      count++;
    }
    report("NUT-02 V2 keyset id", count);
    assertEquals(3, count);
  }

  @Test
  void hashEMatchesNut12() {
    String text = SharedVectors.read("12-tests.md");
    Matcher points =
        Pattern.compile("(R1|R2|K|C_): \"([0-9a-f]{66})\"").matcher(section(text, "## `hash_e`"));
    Map<String, ECPoint> byName = new LinkedHashMap<>();
    while (points.find()) {
      byName.put(points.group(1), Secp256k1.decodePoint(points.group(2)));
    }
    assertEquals(List.of("R1", "R2", "K", "C_"), new ArrayList<>(byName.keySet()));
    Matcher expected = Pattern.compile("hash\\(R1, R2, K, C_\\): \"([0-9a-f]{64})\"").matcher(text);
    assertTrue(expected.find());
    byte[] hash = Dleq.hashE(byName.values().toArray(new ECPoint[0]));
    assertEquals(expected.group(1), Hex.toHexString(hash));
    report("NUT-12 hash_e", 1);
  }

  @Test
  void deterministicDleqMatchesNut12() {
    String section = section(SharedVectors.read("12-tests.md"), "## Deterministic nonce");
    BigInteger a = Secp256k1.scalar(value(section, "a"));
    ECPoint publicKey = Secp256k1.decodePoint(value(section, "A"));
    ECPoint blinded = Secp256k1.decodePoint(value(section, "B_"));
    ECPoint signature = Secp256k1.decodePoint(value(section, "C_"));
    assertEquals(publicKey, Secp256k1.G.multiply(a).normalize());

    Dleq.Proof proof = Dleq.prove(a, blinded, signature);

    assertEquals(value(section, "e"), Secp256k1.scalarHex(proof.e()));
    assertEquals(value(section, "s"), Secp256k1.scalarHex(proof.s()));
    assertTrue(Dleq.verify(publicKey, blinded, signature, proof));
    report("NUT-12 deterministic DLEQ e/s", 1);
  }

  @Test
  void dleqOnBlindSignatureAndProofVerifyPerNut12() throws Exception {
    String text = SharedVectors.read("12-tests.md");

    String onSignature = section(text, "## DLEQ verification on `BlindSignature`");
    JsonNode signature = JSON.readTree(jsonBlock(onSignature));
    ECPoint publicKey = Secp256k1.decodePoint(quoted(onSignature, "A"));
    ECPoint blinded = Secp256k1.decodePoint(quoted(onSignature, "B_"));
    Dleq.Proof signatureProof = proofOf(signature.get("dleq"));
    ECPoint blindSignature = Secp256k1.decodePoint(signature.get("C_").asText());
    assertTrue(Dleq.verify(publicKey, blinded, blindSignature, signatureProof));
    Dleq.Proof tampered =
        new Dleq.Proof(signatureProof.e(), signatureProof.s().add(BigInteger.ONE));
    assertFalse(Dleq.verify(publicKey, blinded, blindSignature, tampered));

    String onProof = section(text, "## DLEQ verification on `Proof`");
    JsonNode proof = JSON.readTree(jsonBlock(onProof));
    ECPoint carolKey = Secp256k1.decodePoint(quoted(onProof, "A"));
    BigInteger r = Secp256k1.scalar(proof.get("dleq").get("r").asText());
    // Only the UTF-8 reading of the secret verifies: the vector guards against hex-decoding it.
    assertTrue(
        Dleq.verifyProof(
            carolKey,
            proof.get("secret").asText(),
            Secp256k1.decodePoint(proof.get("C").asText()),
            r,
            proofOf(proof.get("dleq"))));
    report("NUT-12 DLEQ verification", 2);
  }

  private static Dleq.Proof proofOf(JsonNode dleq) {
    return new Dleq.Proof(
        Secp256k1.scalar(dleq.get("e").asText()), Secp256k1.scalar(dleq.get("s").asText()));
  }

  private static String section(String text, String heading) {
    int start = text.indexOf(heading);
    assertTrue(start >= 0, "missing section " + heading);
    int end = text.indexOf("\n## ", start + heading.length());
    return end < 0 ? text.substring(start) : text.substring(start, end);
  }

  private static String value(String section, String name) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(name) + ":\\s+([0-9a-f]+)\\s*$").matcher(section);
    assertTrue(m.find(), "missing " + name);
    return m.group(1);
  }

  private static String quoted(String section, String name) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(name) + ": \"([0-9a-f]+)\"").matcher(section);
    assertTrue(m.find(), "missing " + name);
    return m.group(1);
  }

  private static String jsonBlock(String section) {
    Matcher m = Pattern.compile("```json\\s+(\\{.*?\\})\\s+```", Pattern.DOTALL).matcher(section);
    assertTrue(m.find(), "missing json block");
    return m.group(1);
  }

  private static void report(String what, int count) {
    System.out.println("[devmint vectors] " + what + ": " + count + " passed");
  }
}
