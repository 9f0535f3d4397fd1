package org.openpleb.cashu.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openpleb.cashu.model.Keyset;

class KeysetValidationTest {

  private static final SecureRandom RND = new SecureRandom();

  private final SortedMap<BigInteger, String> keys = keys();

  @Test
  void validV2KeysetIsParsedWithItsFeeAndExpiry() {
    String id = KeysetIds.v2(keys, "sat", 100, 2059210353L);

    List<Keyset> keysets =
        KeysetValidation.parseKeysResponse(
            response(
                id,
                "sat",
                "\"active\":false,\"input_fee_ppk\":100,\"final_expiry\":2059210353,\"extra\":[1]"));

    Keyset keyset = keysets.get(0);
    assertEquals(id, keyset.id());
    assertEquals("sat", keyset.unit());
    assertFalse(keyset.active());
    assertEquals(100, keyset.inputFeePpk());
    assertEquals(2059210353L, keyset.finalExpiry());
    assertEquals(keys, keyset.keys());
  }

  @Test
  void validV1KeysetIsParsed() {
    String id = KeysetIds.v1(keys);
    Keyset keyset =
        KeysetValidation.parseKeysResponse(response(id, "sat", "\"active\":true")).get(0);
    assertTrue(keyset.active());
    assertEquals(0, keyset.inputFeePpk());
  }

  @Test
  void idThatDoesNotMatchTheKeysIsRejected() {
    String id = KeysetIds.v2(keys, "sat", 0, null);
    // Same keys, but the mint claims a fee the id does not commit to.
    assertThrows(
        CashuCryptoException.class,
        () ->
            KeysetValidation.parseKeysResponse(
                response(id, "sat", "\"active\":true,\"input_fee_ppk\":1")));
    assertThrows(
        CashuCryptoException.class,
        () -> KeysetValidation.parseKeysResponse(response(id, "usd", "\"active\":true")));
    assertThrows(
        CashuCryptoException.class,
        () ->
            KeysetValidation.parseKeysResponse(
                response("00" + "ab".repeat(7), "sat", "\"active\":true")));
  }

  @Test
  void legacyIdsAndMalformedResponsesAreRejected() {
    for (String json :
        List.of(
            "",
            "{}",
            "{\"keysets\":{}}",
            "{\"keysets\":[1]}",
            response("I2yN+iRYfkzT", "sat", "\"active\":true"),
            response(KeysetIds.v1(keys), "", "\"active\":true"),
            response(KeysetIds.v1(keys), "sat", "\"active\":\"yes\""),
            response(KeysetIds.v1(keys), "sat", "\"active\":true,\"input_fee_ppk\":-1"),
            response(KeysetIds.v1(keys), "sat", "\"active\":true,\"input_fee_ppk\":1.5"))) {
      assertThrows(
          CashuCryptoException.class, () -> KeysetValidation.parseKeysResponse(json), json);
    }
  }

  @Test
  void amountsMustBePositiveIntegers() {
    String key = keys.get(BigInteger.ONE);
    for (String amount : List.of("0", "-1", "+1", "01", "1.0", "abc", "")) {
      String json = "{\"" + amount + "\":\"" + key + "\"}";
      assertThrows(CashuCryptoException.class, () -> KeysetValidation.parseKeys(json), amount);
    }
    assertThrows(CashuCryptoException.class, () -> KeysetValidation.parseKeys("{}"));
    assertThrows(CashuCryptoException.class, () -> KeysetValidation.parseKeys("{\"1\":1}"));
  }

  @Test
  void summariesFromKeysetsEndpointHaveNoKeys() {
    String json =
        "{\"keysets\":[{\"id\":\""
            + KeysetIds.v1(keys)
            + "\",\"unit\":\"sat\",\"active\":true,\"input_fee_ppk\":2}]}";
    Keyset summary = KeysetValidation.parseKeysetsResponse(json).get(0);
    assertTrue(summary.keys().isEmpty());
    assertEquals(2, summary.inputFeePpk());
  }

  private String response(String id, String unit, String more) {
    StringBuilder keysJson = new StringBuilder();
    keys.forEach(
        (amount, key) ->
            keysJson
                .append(keysJson.length() == 0 ? "" : ",")
                .append('"')
                .append(amount)
                .append("\":\"")
                .append(key)
                .append('"'));
    return "{\"keysets\":[{\"id\":\""
        + id
        + "\",\"unit\":\""
        + unit
        + "\","
        + more
        + ",\"keys\":{"
        + keysJson
        + "}}]}";
  }

  private static SortedMap<BigInteger, String> keys() {
    SortedMap<BigInteger, String> out = new TreeMap<>();
    for (int bit = 0; bit < 8; bit++) {
      out.put(
          BigInteger.ONE.shiftLeft(bit),
          Secp256k1.encode(Secp256k1.G().multiply(Secp256k1.randomScalar(RND))));
    }
    return out;
  }
}
