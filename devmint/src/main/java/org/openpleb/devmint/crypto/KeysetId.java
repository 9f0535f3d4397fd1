package org.openpleb.devmint.crypto;

import java.math.BigInteger;
import java.util.Map;
import java.util.SortedMap;
import org.bouncycastle.util.encoders.Hex;

/**
 * NUT-02 version-2 keyset ids: {@code "01" + hex(SHA256("1:<pk>,2:<pk>,…|unit:<u>"
 * [+"|input_fee_ppk:N" when N ≠ 0] [+"|final_expiry:T"]))}.
 */
public final class KeysetId {

  private KeysetId() {}

  /**
   * The V2 id of a keyset.
   *
   * @param keys compressed public keys in hex, by amount (iterated in ascending numeric order)
   * @param finalExpiry unix seconds after which the keyset is void, or null for none
   */
  public static String v2(
      SortedMap<BigInteger, String> keys, String unit, long inputFeePpk, Long finalExpiry) {
    StringBuilder preimage = new StringBuilder();
    for (Map.Entry<BigInteger, String> key : keys.entrySet()) {
      if (preimage.length() > 0) {
        preimage.append(',');
      }
      preimage.append(key.getKey()).append(':').append(key.getValue().toLowerCase());
    }
    preimage.append("|unit:").append(unit);
    if (inputFeePpk != 0) {
      preimage.append("|input_fee_ppk:").append(inputFeePpk);
    }
    if (finalExpiry != null) {
      preimage.append("|final_expiry:").append(finalExpiry);
    }
    return "01" + Hex.toHexString(Secp256k1.sha256(preimage.toString()));
  }
}
