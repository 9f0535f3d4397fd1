package org.openpleb.cashu.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import org.openpleb.cashu.model.Keyset;

/**
 * Keyset ids (NUT-02): a keyset's id is a hash of its public keys, so a wallet can check that the
 * keys a mint serves belong to the id its ecash names.
 *
 * <p>Version 1 ids ({@code 00} + 7 bytes) hash the concatenated compressed keys. Version 2 ids
 * ({@code 01} + 32 bytes) hash a text preimage that also commits to the unit, the input fee and the
 * final expiry. Tokens may carry a V2 id in its 8-byte short form.
 */
public final class KeysetIds {

  /** Length in hex digits of a V1 id and of a short V2 id. */
  public static final int SHORT_ID_HEX_LENGTH = 16;

  /** Length in hex digits of a full V2 id. */
  public static final int V2_ID_HEX_LENGTH = 66;

  private KeysetIds() {}

  /** The V1 id: {@code "00"} + first 14 hex digits of SHA-256 over the keys in amount order. */
  public static String v1(SortedMap<BigInteger, String> keys) {
    requireKeys(keys);
    ByteArrayOutputStream concatenated = new ByteArrayOutputStream(keys.size() * 33);
    for (String key : keys.values()) {
      concatenated.writeBytes(Secp256k1.parseHex(key, "public key"));
    }
    return "00" + Secp256k1.hex(Secp256k1.sha256(concatenated.toByteArray())).substring(0, 14);
  }

  /**
   * The V2 id: {@code "01"} + hex SHA-256 of {@code "1:<key>,2:<key>,...|unit:<unit>"}, followed by
   * {@code "|input_fee_ppk:<n>"} when the fee is not zero and {@code "|final_expiry:<t>"} when the
   * keyset has one.
   */
  public static String v2(
      SortedMap<BigInteger, String> keys, String unit, long inputFeePpk, Long finalExpiry) {
    requireKeys(keys);
    if (unit == null || unit.isEmpty()) {
      throw new CashuCryptoException("a V2 keyset id needs a unit");
    }
    StringBuilder preimage = new StringBuilder(keys.size() * 80);
    for (Map.Entry<BigInteger, String> entry : keys.entrySet()) {
      if (preimage.length() > 0) {
        preimage.append(',');
      }
      preimage
          .append(entry.getKey().toString())
          .append(':')
          .append(entry.getValue().toLowerCase(Locale.ROOT));
    }
    preimage.append("|unit:").append(unit);
    if (inputFeePpk != 0) {
      preimage.append("|input_fee_ppk:").append(inputFeePpk);
    }
    if (finalExpiry != null) {
      preimage.append("|final_expiry:").append(finalExpiry.longValue());
    }
    byte[] digest = Secp256k1.sha256(preimage.toString().getBytes(StandardCharsets.UTF_8));
    return "01" + Secp256k1.hex(digest);
  }

  /**
   * Whether the keyset's id is the one its keys (and, for V2, unit, fee and expiry) hash to. False
   * for ids of unknown versions and for keysets without keys.
   */
  public static boolean matches(Keyset keyset) {
    if (keyset == null || keyset.id() == null || keyset.keys().isEmpty()) {
      return false;
    }
    String id = keyset.id().toLowerCase(Locale.ROOT);
    try {
      if (isV1(id)) {
        return id.equals(v1(keyset.keys()));
      }
      if (isV2(id)) {
        return id.equals(
            v2(keyset.keys(), keyset.unit(), keyset.inputFeePpk(), keyset.finalExpiry()));
      }
    } catch (CashuCryptoException malformedKeys) {
      return false;
    }
    return false;
  }

  /** The id as tokens write it: a V2 id shortened to its first 8 bytes; any other id unchanged. */
  public static String shortId(String keysetId) {
    if (isV2(keysetId)) {
      return keysetId.substring(0, SHORT_ID_HEX_LENGTH);
    }
    return keysetId;
  }

  /** Whether {@code id} looks like a V1 id: {@code 00} followed by 7 bytes of hex. */
  public static boolean isV1(String id) {
    return id != null && id.length() == SHORT_ID_HEX_LENGTH && id.startsWith("00") && isHex(id);
  }

  /** Whether {@code id} looks like a full V2 id: {@code 01} followed by 32 bytes of hex. */
  public static boolean isV2(String id) {
    return id != null && id.length() == V2_ID_HEX_LENGTH && id.startsWith("01") && isHex(id);
  }

  /** Whether {@code id} looks like a short V2 id: {@code 01} followed by 7 bytes of hex. */
  public static boolean isShortV2(String id) {
    return id != null && id.length() == SHORT_ID_HEX_LENGTH && id.startsWith("01") && isHex(id);
  }

  private static boolean isHex(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean hexDigit = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hexDigit) {
        return false;
      }
    }
    return true;
  }

  private static void requireKeys(SortedMap<BigInteger, String> keys) {
    if (keys == null || keys.isEmpty()) {
      throw new CashuCryptoException("a keyset id needs at least one key");
    }
  }
}
