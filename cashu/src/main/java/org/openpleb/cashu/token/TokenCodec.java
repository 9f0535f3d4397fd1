package org.openpleb.cashu.token;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openpleb.cashu.crypto.CashuCryptoException;
import org.openpleb.cashu.crypto.KeysetIds;
import org.openpleb.cashu.crypto.Secp256k1;
import org.openpleb.cashu.model.DleqProof;
import org.openpleb.cashu.model.Proof;

/**
 * Encodes and decodes Cashu tokens (NUT-00 §0.3).
 *
 * <p>Writes V4 only: {@code "cashuB"} + unpadded base64url of CBOR, with V2 keyset ids in their
 * 8-byte short form and definite-length items in the key order of the specification's examples
 * ({@code t,d,m,u} / {@code i,p} / {@code a,s,c,d,w}), so equal input gives the vectors' bytes.
 * Reads V3 ({@code cashuA}, JSON) and V4, with or without a {@code cashu:} URI prefix and base64
 * padding, ignoring unknown fields. Short V2 keyset ids are resolved against the keyset ids the
 * caller knows for the mint; a short id that matches none or several of them is an error.
 */
public final class TokenCodec {

  private static final String URI_PREFIX = "cashu:";
  private static final String PREFIX = "cashu";
  private static final byte[] RAW_PREFIX = "crawB".getBytes(StandardCharsets.US_ASCII);
  private static final int SECRET_MAX_LENGTH = 10_000;
  private static final HexFormat HEX = HexFormat.of();

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final ObjectMapper CBOR =
      new ObjectMapper(new CBORFactory()).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private TokenCodec() {}

  /** The V4 text form: {@code "cashuB"} + base64url without padding of the CBOR token. */
  public static String encodeV4(Token token) {
    return PREFIX + "B" + Base64.getUrlEncoder().withoutPadding().encodeToString(cbor(token));
  }

  /** The raw binary form (for NFC and the like): {@code "craw"} + {@code 'B'} + CBOR token. */
  public static byte[] encodeRaw(Token token) {
    byte[] cbor = cbor(token);
    byte[] raw = new byte[RAW_PREFIX.length + cbor.length];
    System.arraycopy(RAW_PREFIX, 0, raw, 0, RAW_PREFIX.length);
    System.arraycopy(cbor, 0, raw, RAW_PREFIX.length, cbor.length);
    return raw;
  }

  /**
   * Decodes a V3 or V4 token and resolves short keyset ids against {@code knownKeysetIds} (the full
   * ids of the mint's keysets).
   *
   * @throws TokenFormatException for malformed input, or a short id that matches no or several
   *     known keysets
   */
  public static Token decode(String text, Collection<String> knownKeysetIds) {
    return decodeText(text, new KeysetResolver(orEmpty(knownKeysetIds)));
  }

  /**
   * Decodes a token without resolving short keyset ids, which stay in their 16-hex-digit form; for
   * reading mint, unit and amount before the mint's keysets are known.
   */
  public static Token decodeUnresolved(String text) {
    return decodeText(text, KeysetResolver.NONE);
  }

  /** Decodes the raw binary form and resolves short keyset ids as {@link #decode} does. */
  public static Token decodeRaw(byte[] raw, Collection<String> knownKeysetIds) {
    return decodeRaw(raw, new KeysetResolver(orEmpty(knownKeysetIds)));
  }

  /** Decodes the raw binary form, leaving short keyset ids short. */
  public static Token decodeRawUnresolved(byte[] raw) {
    return decodeRaw(raw, KeysetResolver.NONE);
  }

  private static Collection<String> orEmpty(Collection<String> ids) {
    return ids == null ? List.of() : ids;
  }

  // ---- encoding

  private static byte[] cbor(Token token) {
    if (token.proofs().isEmpty()) {
      throw new TokenFormatException("a token needs at least one proof");
    }
    Map<String, List<Proof>> byKeyset = new LinkedHashMap<>();
    for (Proof proof : token.proofs()) {
      byKeyset.computeIfAbsent(v4KeysetId(proof.id()), id -> new ArrayList<>()).add(proof);
    }
    CborWriter out = new CborWriter();
    out.map(token.memo() == null ? 3 : 4);
    out.text("t").array(byKeyset.size());
    for (Map.Entry<String, List<Proof>> entry : byKeyset.entrySet()) {
      out.map(2);
      out.text("i").bytes(HEX.parseHex(entry.getKey()));
      out.text("p").array(entry.getValue().size());
      for (Proof proof : entry.getValue()) {
        writeProof(out, proof);
      }
    }
    if (token.memo() != null) {
      out.text("d").text(token.memo());
    }
    out.text("m").text(token.mint());
    out.text("u").text(token.unit());
    return out.toByteArray();
  }

  private static void writeProof(CborWriter out, Proof proof) {
    if (proof.amount() <= 0) {
      throw new TokenFormatException("a proof amount must be positive");
    }
    if (proof.secret() == null || proof.C() == null) {
      throw new TokenFormatException("a proof needs a secret and a signature C");
    }
    DleqProof dleq = proof.dleq();
    // A DLEQ without the blinding factor r cannot be checked by the receiver, so it is left out.
    boolean withDleq = dleq != null && dleq.e() != null && dleq.s() != null && dleq.r() != null;
    boolean withWitness = proof.witness() != null;
    out.map(3 + (withDleq ? 1 : 0) + (withWitness ? 1 : 0));
    out.text("a").unsigned(proof.amount());
    out.text("s").text(proof.secret());
    out.text("c").bytes(hexBytes(proof.C(), 33, "proof signature C"));
    if (withDleq) {
      out.text("d").map(3);
      out.text("e").bytes(hexBytes(dleq.e(), 32, "dleq e"));
      out.text("s").bytes(hexBytes(dleq.s(), 32, "dleq s"));
      out.text("r").bytes(hexBytes(dleq.r(), 32, "dleq r"));
    }
    if (withWitness) {
      out.text("w").text(proof.witness());
    }
  }

  private static String v4KeysetId(String id) {
    String lower = id == null ? "" : id.toLowerCase(Locale.ROOT);
    if (KeysetIds.isV2(lower)) {
      return KeysetIds.shortId(lower);
    }
    if (KeysetIds.isV1(lower) || KeysetIds.isShortV2(lower)) {
      return lower;
    }
    throw new TokenFormatException("keyset id of an unsupported version for a V4 token");
  }

  private static byte[] hexBytes(String hex, int length, String what) {
    try {
      byte[] bytes = Secp256k1.parseHex(hex, what);
      if (bytes.length == length) {
        return bytes;
      }
    } catch (CashuCryptoException notHex) {
      // reported below
    }
    throw new TokenFormatException(what + " must be " + length + " bytes of hex");
  }

  // ---- decoding

  private static Token decodeText(String text, KeysetResolver resolver) {
    if (text == null) {
      throw new TokenFormatException("token is missing");
    }
    String token = text.strip();
    if (token.regionMatches(true, 0, URI_PREFIX, 0, URI_PREFIX.length())) {
      token = token.substring(URI_PREFIX.length());
    }
    if (!token.startsWith(PREFIX) || token.length() == PREFIX.length()) {
      throw new TokenFormatException("not a Cashu token: expected the prefix cashuA or cashuB");
    }
    char version = token.charAt(PREFIX.length());
    byte[] payload = base64(token.substring(PREFIX.length() + 1));
    return switch (version) {
      case 'A' -> fromV3(readTree(JSON, payload, "JSON"), resolver);
      case 'B' -> fromV4(readTree(CBOR, payload, "CBOR"), resolver);
      default -> throw new TokenFormatException("unsupported token version (cashuA and cashuB)");
    };
  }

  private static Token decodeRaw(byte[] raw, KeysetResolver resolver) {
    if (raw == null || raw.length <= RAW_PREFIX.length) {
      throw new TokenFormatException("raw token is missing or too short");
    }
    for (int i = 0; i < RAW_PREFIX.length; i++) {
      if (raw[i] != RAW_PREFIX[i]) {
        throw new TokenFormatException("not a raw Cashu token: expected the prefix crawB");
      }
    }
    byte[] cbor = new byte[raw.length - RAW_PREFIX.length];
    System.arraycopy(raw, RAW_PREFIX.length, cbor, 0, cbor.length);
    return fromV4(readTree(CBOR, cbor, "CBOR"), resolver);
  }

  private static byte[] base64(String payload) {
    if (payload.isEmpty()) {
      throw new TokenFormatException("token has no payload");
    }
    // Base64url is the standard; some old encoders used the '+' and '/' alphabet.
    String urlSafe = payload.replace('+', '-').replace('/', '_');
    try {
      return Base64.getUrlDecoder().decode(urlSafe);
    } catch (IllegalArgumentException e) {
      throw new TokenFormatException("token payload is not valid base64url");
    }
  }

  private static JsonNode readTree(ObjectMapper mapper, byte[] payload, String format) {
    try {
      JsonNode root = mapper.readTree(payload);
      if (root == null || !root.isObject()) {
        throw new TokenFormatException("token payload is not a " + format + " object");
      }
      return root;
    } catch (IOException e) {
      // The parser's message may quote the payload, so it is not passed on.
      throw new TokenFormatException("token payload is not valid " + format);
    }
  }

  private static Token fromV3(JsonNode root, KeysetResolver resolver) {
    JsonNode entries = root.get("token");
    if (entries == null || !entries.isArray() || entries.isEmpty()) {
      throw new TokenFormatException("V3 token has no token entries");
    }
    String mint = null;
    List<Proof> proofs = new ArrayList<>();
    for (JsonNode entry : entries) {
      String entryMint = requiredText(entry, "mint", "V3 token entry");
      if (mint != null && !sameMint(mint, entryMint)) {
        throw new TokenFormatException(
            "V3 token holds proofs of several mints; only single-mint tokens are supported");
      }
      mint = mint == null ? entryMint : mint;
      JsonNode entryProofs = entry.get("proofs");
      if (entryProofs == null || !entryProofs.isArray() || entryProofs.isEmpty()) {
        throw new TokenFormatException("V3 token entry has no proofs");
      }
      for (JsonNode proof : entryProofs) {
        proofs.add(v3Proof(proof, resolver));
      }
    }
    String unit = optionalText(root, "unit", "V3 token");
    String memo = optionalText(root, "memo", "V3 token");
    // V3 tokens from before units existed are in sats.
    return token(mint, unit == null ? "sat" : unit, memo, proofs);
  }

  private static Proof v3Proof(JsonNode node, KeysetResolver resolver) {
    String where = "V3 proof";
    if (!node.isObject()) {
      throw new TokenFormatException(where + " is not an object");
    }
    long amount = amount(node.get("amount"), where);
    String id = resolver.resolve(requiredText(node, "id", where));
    String secret = secret(node.get("secret"), where);
    String c = point(requiredText(node, "C", where), where);
    DleqProof dleq = null;
    JsonNode d = node.get("dleq");
    if (d != null && !d.isNull()) {
      if (!d.isObject()) {
        throw new TokenFormatException(where + " dleq is not an object");
      }
      dleq =
          new DleqProof(
              scalarHex(requiredText(d, "e", where + " dleq"), where + " dleq e"),
              scalarHex(requiredText(d, "s", where + " dleq"), where + " dleq s"),
              d.hasNonNull("r")
                  ? scalarHex(requiredText(d, "r", where + " dleq"), where + " dleq r")
                  : null);
    }
    return new Proof(amount, id, secret, c, dleq, witness(node.get("witness"), where));
  }

  private static Token fromV4(JsonNode root, KeysetResolver resolver) {
    String mint = requiredText(root, "m", "V4 token");
    String unit = requiredText(root, "u", "V4 token");
    String memo = optionalText(root, "d", "V4 token");
    JsonNode entries = root.get("t");
    if (entries == null || !entries.isArray() || entries.isEmpty()) {
      throw new TokenFormatException("V4 token has no keyset entries");
    }
    List<Proof> proofs = new ArrayList<>();
    for (JsonNode entry : entries) {
      if (!entry.isObject()) {
        throw new TokenFormatException("V4 keyset entry is not a map");
      }
      String id = resolver.resolve(HEX.formatHex(binary(entry.get("i"), "V4 keyset id")));
      JsonNode entryProofs = entry.get("p");
      if (entryProofs == null || !entryProofs.isArray() || entryProofs.isEmpty()) {
        throw new TokenFormatException("V4 keyset entry has no proofs");
      }
      for (JsonNode proof : entryProofs) {
        proofs.add(v4Proof(proof, id));
      }
    }
    return token(mint, unit, memo, proofs);
  }

  private static Proof v4Proof(JsonNode node, String id) {
    String where = "V4 proof";
    if (!node.isObject()) {
      throw new TokenFormatException(where + " is not a map");
    }
    long amount = amount(node.get("a"), where);
    String secret = secret(node.get("s"), where);
    String c = point(HEX.formatHex(binary(node.get("c"), where + " signature c")), where);
    DleqProof dleq = null;
    JsonNode d = node.get("d");
    if (d != null && !d.isNull()) {
      if (!d.isObject()) {
        throw new TokenFormatException(where + " dleq is not a map");
      }
      dleq =
          new DleqProof(
              scalarBytes(d.get("e"), where + " dleq e"),
              scalarBytes(d.get("s"), where + " dleq s"),
              d.hasNonNull("r") ? scalarBytes(d.get("r"), where + " dleq r") : null);
    }
    return new Proof(amount, id, secret, c, dleq, witness(node.get("w"), where));
  }

  private static Token token(String mint, String unit, String memo, List<Proof> proofs) {
    Token token = new Token(mint, unit, memo, proofs);
    try {
      token.amount();
    } catch (ArithmeticException overflow) {
      throw new TokenFormatException("token amount overflows");
    }
    return token;
  }

  private static boolean sameMint(String a, String b) {
    return stripSlash(a).equals(stripSlash(b));
  }

  private static String stripSlash(String url) {
    String out = url;
    while (out.endsWith("/")) {
      out = out.substring(0, out.length() - 1);
    }
    return out;
  }

  private static long amount(JsonNode node, String where) {
    if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
      throw new TokenFormatException(where + " has no whole-number amount");
    }
    long amount = node.longValue();
    if (amount <= 0) {
      throw new TokenFormatException(where + " amount must be positive");
    }
    return amount;
  }

  private static String secret(JsonNode node, String where) {
    if (node == null || !node.isTextual() || node.asText().isEmpty()) {
      throw new TokenFormatException(where + " has no secret");
    }
    if (node.asText().length() > SECRET_MAX_LENGTH) {
      throw new TokenFormatException(where + " secret is too long");
    }
    return node.asText();
  }

  private static String point(String hex, String where) {
    try {
      return Secp256k1.encode(Secp256k1.decodePoint(hex.toLowerCase(Locale.ROOT)));
    } catch (CashuCryptoException e) {
      throw new TokenFormatException(where + " signature C: " + e.getMessage());
    }
  }

  private static String scalarHex(String hex, String what) {
    return HEX.formatHex(hexBytes(hex, 32, what));
  }

  private static String scalarBytes(JsonNode node, String what) {
    byte[] bytes = binary(node, what);
    if (bytes.length != 32) {
      throw new TokenFormatException(what + " must be 32 bytes");
    }
    return HEX.formatHex(bytes);
  }

  private static byte[] binary(JsonNode node, String what) {
    if (node == null || !node.isBinary()) {
      throw new TokenFormatException(what + " is not a byte string");
    }
    try {
      return node.binaryValue();
    } catch (IOException e) {
      throw new TokenFormatException(what + " is not a byte string");
    }
  }

  private static String witness(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isObject()) {
      // Some encoders embed the witness object instead of its JSON text.
      try {
        return JSON.writeValueAsString(node);
      } catch (JsonProcessingException e) {
        throw new TokenFormatException(where + " witness is malformed");
      }
    }
    throw new TokenFormatException(where + " witness is not a string");
  }

  private static String requiredText(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw new TokenFormatException(where + " has no " + field);
    }
    return value.asText();
  }

  private static String optionalText(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new TokenFormatException(where + " field " + field + " is not a string");
    }
    return value.asText();
  }
}
