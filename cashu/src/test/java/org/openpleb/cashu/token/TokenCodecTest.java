package org.openpleb.cashu.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.openpleb.cashu.crypto.Bdhke;
import org.openpleb.cashu.crypto.Dleq;
import org.openpleb.cashu.crypto.KeysetIds;
import org.openpleb.cashu.crypto.Secp256k1;
import org.openpleb.cashu.model.DleqProof;
import org.openpleb.cashu.model.Proof;

class TokenCodecTest {

  private static final String MINT = "https://mint.example";
  private static final HexFormat HEX = HexFormat.of();
  private static final Random SEEDED = new Random(7);

  private final SortedMap<BigInteger, BigInteger> privateKeys = new TreeMap<>();
  private final String keysetId = v2Keyset(privateKeys, "sat");

  @Test
  void v4RoundTripKeepsDleqWitnessAndMemo() {
    Token token =
        new Token(MINT, "sat", "for the pizza", List.of(proof(8, true, "{\"signatures\":[]}")));

    String encoded = TokenCodec.encodeV4(token);
    Token decoded = TokenCodec.decode(encoded, List.of(keysetId));

    assertTrue(encoded.startsWith("cashuB"));
    assertFalse(encoded.contains("="), "no base64 padding");
    assertEquals(token, decoded);
    assertTrue(Dleq.verifyProof(decoded.proofs().get(0), mintKey(8)), "DLEQ survives the trip");
  }

  @Test
  void v2KeysetIdsTravelInShortForm() {
    Token token =
        new Token(MINT, "sat", null, List.of(proof(1, false, null), proof(2, false, null)));

    Token unresolved = TokenCodec.decodeUnresolved(TokenCodec.encodeV4(token));

    assertEquals(List.of(KeysetIds.shortId(keysetId)), unresolved.keysetIds());
    assertEquals(16, unresolved.proofs().get(0).id().length());
    assertEquals(3, unresolved.amount());
    assertEquals(token, TokenCodec.decode(TokenCodec.encodeV4(unresolved), List.of(keysetId)));
  }

  @Test
  void proofsOfSeveralKeysetsKeepTheirOrderAndIds() {
    SortedMap<BigInteger, BigInteger> otherKeys = new TreeMap<>();
    String otherId = v2Keyset(otherKeys, "sat");
    Proof a = proof(1, false, null);
    Proof b = signedProof(otherId, otherKeys, 4, false, null);
    Proof c = proof(2, false, null);
    Token token = new Token(MINT, "sat", null, List.of(a, b, c));

    Token decoded = TokenCodec.decode(TokenCodec.encodeV4(token), List.of(otherId, keysetId));

    // V4 groups proofs by keyset in order of first appearance.
    assertEquals(List.of(a, c, b), decoded.proofs());
  }

  @Test
  void dleqWithoutBlindingFactorIsLeftOut() {
    Proof withR = proof(4, true, null);
    Proof withoutR =
        new Proof(4, keysetId, withR.secret(), withR.C(), withR.dleq().withR(null), null);

    Token decoded =
        TokenCodec.decode(
            TokenCodec.encodeV4(new Token(MINT, "sat", null, List.of(withoutR))),
            List.of(keysetId));

    assertNull(decoded.proofs().get(0).dleq());
  }

  @Test
  void rawRoundTrip() {
    Token token = new Token(MINT, "sat", null, List.of(proof(16, true, null)));

    byte[] raw = TokenCodec.encodeRaw(token);

    assertEquals("crawB", new String(raw, 0, 5, StandardCharsets.US_ASCII));
    assertEquals(token, TokenCodec.decodeRaw(raw, List.of(keysetId)));
    assertThrows(TokenFormatException.class, () -> TokenCodec.decodeRaw(raw, List.of()));
    raw[3] = 'X';
    assertThrows(TokenFormatException.class, () -> TokenCodec.decodeRaw(raw, List.of(keysetId)));
  }

  @Test
  void uriPrefixAndSurroundingWhitespaceAreAccepted() {
    Token token = new Token(MINT, "sat", null, List.of(proof(1, false, null)));
    String encoded = TokenCodec.encodeV4(token);

    assertEquals(token, TokenCodec.decode("cashu:" + encoded, List.of(keysetId)));
    assertEquals(token, TokenCodec.decode(" CASHU:" + encoded + "\n", List.of(keysetId)));
  }

  @Test
  void paddedAndStandardAlphabetBase64AreAccepted() {
    Token token =
        new Token(MINT, "sat", "memo", List.of(proof(1, true, null), proof(2, true, null)));
    byte[] cbor = Base64.getUrlDecoder().decode(TokenCodec.encodeV4(token).substring(6));

    String padded = "cashuB" + Base64.getUrlEncoder().encodeToString(cbor);
    String standard = "cashuB" + Base64.getEncoder().encodeToString(cbor);

    assertEquals(token, TokenCodec.decode(padded, List.of(keysetId)));
    assertEquals(token, TokenCodec.decode(standard, List.of(keysetId)));
  }

  @Test
  void badPrefixesAreRejected() {
    String payload =
        TokenCodec.encodeV4(new Token(MINT, "sat", null, List.of(proof(1, false, null))));
    String body = payload.substring(6);
    for (String text :
        List.of(
            "",
            "   ",
            "cashu",
            "cashu:",
            "cashuC" + body,
            "cashub" + body,
            "Cashu" + "B" + body,
            "casshuB" + body,
            "bitcoin:" + payload,
            body)) {
      TokenFormatException e =
          assertThrows(TokenFormatException.class, () -> TokenCodec.decodeUnresolved(text));
      assertNoEcho(e, body);
    }
    assertThrows(TokenFormatException.class, () -> TokenCodec.decodeUnresolved(null));
  }

  @Test
  void badBase64IsRejected() {
    for (String text : List.of("cashuB!!!!", "cashuBab$cd", "cashuBa", "cashuB====", "cashuA%%")) {
      TokenFormatException e =
          assertThrows(TokenFormatException.class, () -> TokenCodec.decodeUnresolved(text));
      assertNoEcho(e, text.substring(6));
    }
  }

  @Test
  void everyTruncationOfAV4TokenIsRejectedCleanly() {
    String encoded =
        TokenCodec.encodeV4(
            new Token(MINT, "sat", "memo", List.of(proof(1, true, "{\"signatures\":[]}"))));
    for (int length = 0; length < encoded.length(); length++) {
      String truncated = encoded.substring(0, length);
      TokenFormatException e =
          assertThrows(
              TokenFormatException.class,
              () -> TokenCodec.decode(truncated, List.of(keysetId)),
              "length " + length);
      assertNoEcho(e, encoded.substring(6, Math.min(encoded.length(), 30)));
    }
  }

  @Test
  void trailingBytesAfterTheCborTokenAreRejected() {
    Token token = new Token(MINT, "sat", null, List.of(proof(1, false, null)));
    byte[] cbor = Base64.getUrlDecoder().decode(TokenCodec.encodeV4(token).substring(6));
    byte[] longer = Arrays.copyOf(cbor, cbor.length + 1);

    String text = "cashuB" + Base64.getUrlEncoder().encodeToString(longer);

    assertThrows(TokenFormatException.class, () -> TokenCodec.decodeUnresolved(text));
  }

  @Test
  void malformedCborFieldsAreRejected() {
    String c = proof(1, false, null).C();
    byte[] shortId = HEX.parseHex(KeysetIds.shortId(keysetId));
    // amount zero
    assertRejected(v4(shortId, 0, "s", HEX.parseHex(c)));
    // C not a point
    assertRejected(v4(shortId, 1, "s", new byte[33]));
    // C of the wrong length
    assertRejected(v4(shortId, 1, "s", new byte[5]));
    // keyset id not a byte string
    assertRejected(
        new CborWriter()
            .map(3)
            .text("t")
            .array(1)
            .map(2)
            .text("i")
            .text("00ad268c4d1f5826")
            .text("p")
            .array(0)
            .text("m")
            .text(MINT)
            .text("u")
            .text("sat")
            .toByteArray());
    // no mint
    assertRejected(new CborWriter().map(1).text("u").text("sat").toByteArray());
    // not a map at all
    assertRejected(new CborWriter().array(0).toByteArray());
  }

  @Test
  void amountsThatOverflowAreRejected() {
    byte[] shortId = HEX.parseHex(KeysetIds.shortId(keysetId));
    byte[] c = HEX.parseHex(proof(1, false, null).C());
    byte[] cbor =
        new CborWriter()
            .map(3)
            .text("t")
            .array(1)
            .map(2)
            .text("i")
            .bytes(shortId)
            .text("p")
            .array(2)
            .map(3)
            .text("a")
            .unsigned(Long.MAX_VALUE)
            .text("s")
            .text("x")
            .text("c")
            .bytes(c)
            .map(3)
            .text("a")
            .unsigned(1)
            .text("s")
            .text("y")
            .text("c")
            .bytes(c)
            .text("m")
            .text(MINT)
            .text("u")
            .text("sat")
            .toByteArray();
    assertRejected(cbor);
  }

  @Test
  void unknownCborFieldsAreIgnored() {
    Proof proof = proof(2, false, null);
    byte[] cbor =
        new CborWriter()
            .map(4)
            .text("x")
            .array(1)
            .unsigned(9)
            .text("t")
            .array(1)
            .map(3)
            .text("i")
            .bytes(HEX.parseHex(KeysetIds.shortId(keysetId)))
            .text("z")
            .text("ignored")
            .text("p")
            .array(1)
            .map(4)
            .text("a")
            .unsigned(2)
            .text("s")
            .text(proof.secret())
            .text("c")
            .bytes(HEX.parseHex(proof.C()))
            .text("future")
            .bytes(new byte[] {1})
            .text("m")
            .text(MINT)
            .text("u")
            .text("sat")
            .toByteArray();

    Token decoded = TokenCodec.decode(cashuB(cbor), List.of(keysetId));

    assertEquals(new Token(MINT, "sat", null, List.of(proof)), decoded);
  }

  @Test
  void shortIdMatchingNoKnownKeysetIsRejected() {
    String encoded =
        TokenCodec.encodeV4(new Token(MINT, "sat", null, List.of(proof(1, false, null))));
    SortedMap<BigInteger, BigInteger> otherKeys = new TreeMap<>();
    String otherId = v2Keyset(otherKeys, "sat");

    TokenFormatException none =
        assertThrows(TokenFormatException.class, () -> TokenCodec.decode(encoded, List.of()));
    TokenFormatException other =
        assertThrows(
            TokenFormatException.class, () -> TokenCodec.decode(encoded, List.of(otherId)));
    TokenFormatException nullKeysets =
        assertThrows(TokenFormatException.class, () -> TokenCodec.decode(encoded, null));

    assertTrue(none.getMessage().contains("matches none"));
    assertTrue(other.getMessage().contains("matches none"));
    assertTrue(nullKeysets.getMessage().contains("matches none"));
  }

  @Test
  void shortIdMatchingSeveralKnownKeysetsIsRejected() {
    String encoded =
        TokenCodec.encodeV4(new Token(MINT, "sat", null, List.of(proof(1, false, null))));
    // A second full id that shares the first 8 bytes: a colliding keyset.
    String twin = keysetId.substring(0, 16) + "f".repeat(50);

    TokenFormatException e =
        assertThrows(
            TokenFormatException.class, () -> TokenCodec.decode(encoded, List.of(keysetId, twin)));

    assertTrue(e.getMessage().contains("ambiguous"));
    // The same id listed twice is not ambiguous.
    assertEquals(
        keysetId,
        TokenCodec.decode(encoded, List.of(keysetId, keysetId.toUpperCase())).proofs().get(0).id());
  }

  @Test
  void v3TokenWithSeveralMintsIsRejected() {
    Proof p = proof(1, false, null);
    String json =
        "{\"token\":[{\"mint\":\"https://a.example\",\"proofs\":["
            + v3Proof(p)
            + "]},{\"mint\":\"https://b.example\",\"proofs\":["
            + v3Proof(p)
            + "]}]}";

    TokenFormatException e =
        assertThrows(TokenFormatException.class, () -> TokenCodec.decodeUnresolved(cashuA(json)));

    assertTrue(e.getMessage().contains("several mints"));
  }

  @Test
  void v3EntriesOfTheSameMintAreMergedAndUnknownFieldsIgnored() {
    Proof p1 = proof(1, false, null);
    Proof p2 = proof(2, false, null);
    String json =
        "{\"token\":[{\"mint\":\"https://a.example\",\"proofs\":["
            + v3Proof(p1)
            + "]},{\"mint\":\"https://a.example/\",\"extra\":1,\"proofs\":["
            + v3Proof(p2)
            + "]}],\"unit\":\"sat\",\"nonsense\":{\"a\":[1,2]}}";

    Token decoded = TokenCodec.decode(cashuA(json), List.of(keysetId));

    assertEquals(new Token("https://a.example", "sat", null, List.of(p1, p2)), decoded);
  }

  @Test
  void v3WithoutUnitMeansSats() {
    String json =
        "{\"token\":[{\"mint\":\"https://a.example\",\"proofs\":["
            + v3Proof(proof(1, false, null))
            + "]}]}";

    assertEquals("sat", TokenCodec.decodeUnresolved(cashuA(json)).unit());
  }

  @Test
  void malformedV3IsRejected() {
    String good = v3Proof(proof(1, false, null));
    for (String json :
        List.of(
            "[]",
            "{}",
            "{\"token\":[]}",
            "{\"token\":[{\"mint\":\"https://a.example\",\"proofs\":[]}]}",
            "{\"token\":[{\"proofs\":[" + good + "]}]}",
            "{\"token\":[{\"mint\":\"m\",\"proofs\":[{\"amount\":1,\"id\":\"00ad268c4d1f5826\"}]}]}",
            "{\"token\":[{\"mint\":\"m\",\"proofs\":["
                + good.replace("\"amount\":1", "\"amount\":-1")
                + "]}]}",
            "{\"token\":[{\"mint\":\"m\",\"proofs\":["
                + good.replace("\"amount\":1", "\"amount\":1.5")
                + "]}]}",
            "{\"token\":[{\"mint\":\"m\",\"proofs\":[" + good + "]}]} trailing",
            "{\"token\":[{\"mint\":\"m\",\"proofs\":[" + good)) {
      assertThrows(
          TokenFormatException.class, () -> TokenCodec.decodeUnresolved(cashuA(json)), json);
    }
  }

  @Test
  void encodingRejectsWhatV4CannotCarry() {
    Proof p = proof(1, false, null);
    assertThrows(
        TokenFormatException.class,
        () -> TokenCodec.encodeV4(new Token(MINT, "sat", null, List.of())));
    assertThrows(
        TokenFormatException.class,
        () ->
            TokenCodec.encodeV4(
                new Token(MINT, "sat", null, List.of(new Proof(1, "I2yN+iRYfkzT", "s", p.C())))));
    assertThrows(
        TokenFormatException.class,
        () ->
            TokenCodec.encodeV4(
                new Token(MINT, "sat", null, List.of(new Proof(0, keysetId, "s", p.C())))));
  }

  @Test
  void toStringHidesSecrets() {
    Proof p = proof(4, true, null);
    Token token = new Token(MINT, "sat", null, List.of(p));

    String text = token.toString();

    assertFalse(text.contains(p.secret()));
    assertFalse(text.contains(p.C()));
    assertFalse(text.contains(p.dleq().r()));
    assertTrue(text.contains("amount=4"));
  }

  // ---- helpers

  private ECPoint mintKey(long amount) {
    return Secp256k1.G().multiply(privateKeys.get(BigInteger.valueOf(amount)));
  }

  private Proof proof(long amount, boolean withDleq, String witness) {
    return signedProof(keysetId, privateKeys, amount, withDleq, witness);
  }

  /** A real proof: blinded, signed with the keyset's private key, unblinded. */
  private static Proof signedProof(
      String id,
      SortedMap<BigInteger, BigInteger> keys,
      long amount,
      boolean withDleq,
      String witness) {
    byte[] secretBytes = new byte[32];
    SEEDED.nextBytes(secretBytes);
    String secret = HEX.formatHex(secretBytes);
    BigInteger r = new BigInteger(255, SEEDED).add(BigInteger.ONE);
    BigInteger k = keys.get(BigInteger.valueOf(amount));
    ECPoint blinded = Bdhke.blindMessage(secret, r);
    ECPoint blindSig = Bdhke.sign(k, blinded);
    ECPoint c = Bdhke.unblind(blindSig, r, Secp256k1.G().multiply(k));
    DleqProof dleq = null;
    if (withDleq) {
      dleq = Dleq.prove(k, blinded, blindSig).withR(HEX.formatHex(Secp256k1.toBytes32(r)));
    }
    return new Proof(amount, id, secret, Secp256k1.encode(c), dleq, witness);
  }

  /** Fills {@code privateKeys} with fresh keys for 1..64 and returns the keyset's V2 id. */
  private static String v2Keyset(SortedMap<BigInteger, BigInteger> privateKeys, String unit) {
    SecureRandom rnd = new SecureRandom();
    SortedMap<BigInteger, String> publicKeys = new TreeMap<>();
    for (long amount = 1; amount <= 64; amount *= 2) {
      BigInteger k = Secp256k1.randomScalar(rnd);
      privateKeys.put(BigInteger.valueOf(amount), k);
      publicKeys.put(BigInteger.valueOf(amount), Secp256k1.encode(Secp256k1.G().multiply(k)));
    }
    return KeysetIds.v2(publicKeys, unit, 0, null);
  }

  private static String v3Proof(Proof p) {
    return "{\"amount\":"
        + p.amount()
        + ",\"id\":\""
        + p.id()
        + "\",\"secret\":\""
        + p.secret()
        + "\",\"C\":\""
        + p.C()
        + "\"}";
  }

  private byte[] v4(byte[] id, long amount, String secret, byte[] c) {
    return new CborWriter()
        .map(3)
        .text("t")
        .array(1)
        .map(2)
        .text("i")
        .bytes(id)
        .text("p")
        .array(1)
        .map(3)
        .text("a")
        .unsigned(amount)
        .text("s")
        .text(secret)
        .text("c")
        .bytes(c)
        .text("m")
        .text(MINT)
        .text("u")
        .text("sat")
        .toByteArray();
  }

  private void assertRejected(byte[] cbor) {
    assertThrows(
        TokenFormatException.class, () -> TokenCodec.decode(cashuB(cbor), List.of(keysetId)));
    byte[] raw = new byte[cbor.length + 5];
    System.arraycopy("crawB".getBytes(StandardCharsets.US_ASCII), 0, raw, 0, 5);
    System.arraycopy(cbor, 0, raw, 5, cbor.length);
    assertThrows(TokenFormatException.class, () -> TokenCodec.decodeRaw(raw, List.of(keysetId)));
  }

  private static String cashuB(byte[] cbor) {
    return "cashuB" + Base64.getUrlEncoder().withoutPadding().encodeToString(cbor);
  }

  private static String cashuA(String json) {
    return "cashuA"
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertNoEcho(TokenFormatException e, String fragment) {
    if (fragment.length() >= 4) {
      assertFalse(e.getMessage().contains(fragment), "message echoes the token");
    }
    assertNull(e.getCause(), "no cause that could carry the token");
  }
}
