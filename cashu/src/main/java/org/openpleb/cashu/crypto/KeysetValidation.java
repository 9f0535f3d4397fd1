package org.openpleb.cashu.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.openpleb.cashu.model.Keyset;

/**
 * Checks the keysets a mint publishes (NUT-01/02) before the wallet trusts them: every amount a
 * positive integer (possibly beyond {@code Long.MAX_VALUE}), every key a 33-byte compressed point
 * on secp256k1, and every V1/V2 id equal to the hash of its keys.
 *
 * <p>Keysets with ids of other versions are rejected: their keys cannot be tied to their id.
 */
public final class KeysetValidation {

  private static final ObjectMapper JSON = new ObjectMapper();

  private KeysetValidation() {}

  /**
   * Parses and checks a {@code GET /v1/keys} or {@code GET /v1/keys/{id}} response: {@code
   * {"keysets":[{"id","unit","active","input_fee_ppk"?,"final_expiry"?,"keys":{...}}]}}. Unknown
   * fields are ignored.
   *
   * @throws CashuCryptoException naming the keyset and field that is wrong
   */
  public static List<Keyset> parseKeysResponse(String json) {
    JsonNode keysets = read(json).path("keysets");
    if (!keysets.isArray()) {
      throw new CashuCryptoException("keys response has no keysets array");
    }
    List<Keyset> out = new ArrayList<>(keysets.size());
    for (JsonNode node : keysets) {
      Keyset keyset = parseKeyset(node, true);
      if (!KeysetIds.matches(keyset)) {
        throw new CashuCryptoException(
            "keyset " + keyset.id() + ": id does not match its keys, unit, fee and expiry");
      }
      out.add(keyset);
    }
    return List.copyOf(out);
  }

  /**
   * Parses a {@code GET /v1/keysets} response: the keyset summaries without keys. Ids cannot be
   * checked without keys; do that with {@link #parseKeysResponse(String)}.
   */
  public static List<Keyset> parseKeysetsResponse(String json) {
    JsonNode keysets = read(json).path("keysets");
    if (!keysets.isArray()) {
      throw new CashuCryptoException("keysets response has no keysets array");
    }
    List<Keyset> out = new ArrayList<>(keysets.size());
    for (JsonNode node : keysets) {
      out.add(parseKeyset(node, false));
    }
    return List.copyOf(out);
  }

  /**
   * Parses and checks a keyset's {@code keys} object, {@code {"<amount>":"<compressed key hex>"}},
   * into amount order with lowercase keys.
   */
  public static SortedMap<BigInteger, String> parseKeys(String json) {
    return parseKeys(read(json));
  }

  private static Keyset parseKeyset(JsonNode node, boolean withKeys) {
    if (!node.isObject()) {
      throw new CashuCryptoException("keyset entry is not an object");
    }
    JsonNode idNode = node.get("id");
    if (idNode == null || !idNode.isTextual() || idNode.asText().isEmpty()) {
      throw new CashuCryptoException("keyset without id");
    }
    String id = idNode.asText().toLowerCase(Locale.ROOT);
    if (!KeysetIds.isV1(id) && !KeysetIds.isV2(id)) {
      throw new CashuCryptoException("keyset " + idNode.asText() + ": unsupported id version");
    }
    JsonNode unit = node.get("unit");
    if (unit == null || !unit.isTextual() || unit.asText().isEmpty()) {
      throw new CashuCryptoException("keyset " + id + ": missing unit");
    }
    JsonNode active = node.get("active");
    if (active != null && !active.isBoolean()) {
      throw new CashuCryptoException("keyset " + id + ": active is not a boolean");
    }
    long fee = 0;
    JsonNode feeNode = node.get("input_fee_ppk");
    if (feeNode != null && !feeNode.isNull()) {
      if (!feeNode.canConvertToExactIntegral()
          || !feeNode.canConvertToLong()
          || feeNode.asLong() < 0) {
        throw new CashuCryptoException("keyset " + id + ": input_fee_ppk is not a fee");
      }
      fee = feeNode.asLong();
    }
    Long finalExpiry = null;
    JsonNode expiryNode = node.get("final_expiry");
    if (expiryNode != null && !expiryNode.isNull()) {
      if (!expiryNode.canConvertToExactIntegral() || !expiryNode.canConvertToLong()) {
        throw new CashuCryptoException("keyset " + id + ": final_expiry is not a unix time");
      }
      finalExpiry = expiryNode.asLong();
    }
    SortedMap<BigInteger, String> keys = new TreeMap<>();
    if (withKeys) {
      try {
        keys = parseKeys(node.path("keys"));
      } catch (CashuCryptoException e) {
        throw new CashuCryptoException("keyset " + id + ": " + e.getMessage());
      }
    }
    // A mint that omits "active" (older NUT-01 responses) only lists active keysets.
    boolean isActive = active == null || active.asBoolean();
    return new Keyset(id, unit.asText(), isActive, fee, finalExpiry, keys);
  }

  private static SortedMap<BigInteger, String> parseKeys(JsonNode keys) {
    if (!keys.isObject() || keys.isEmpty()) {
      throw new CashuCryptoException("keys must be a non-empty object of amount to public key");
    }
    SortedMap<BigInteger, String> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> field : keys.properties()) {
      BigInteger amount = parseAmount(field.getKey());
      JsonNode key = field.getValue();
      if (!key.isTextual()) {
        throw new CashuCryptoException("key for amount " + amount + " is not a string");
      }
      try {
        out.put(amount, Secp256k1.encode(Secp256k1.decodePoint(key.asText())));
      } catch (CashuCryptoException e) {
        throw new CashuCryptoException("key for amount " + amount + ": " + e.getMessage());
      }
    }
    return out;
  }

  private static BigInteger parseAmount(String text) {
    boolean digits = !text.isEmpty() && text.length() <= 40 && !text.startsWith("0");
    for (int i = 0; digits && i < text.length(); i++) {
      digits = text.charAt(i) >= '0' && text.charAt(i) <= '9';
    }
    if (!digits) {
      throw new CashuCryptoException("keyset amount is not a positive integer");
    }
    return new BigInteger(text);
  }

  private static JsonNode read(String json) {
    if (json == null) {
      throw new CashuCryptoException("keyset JSON is missing");
    }
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new CashuCryptoException("keyset JSON is malformed");
    }
  }
}
