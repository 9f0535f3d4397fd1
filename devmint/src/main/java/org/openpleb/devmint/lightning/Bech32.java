package org.openpleb.devmint.lightning;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The bech32 text encoding (BIP-173) that BOLT11 invoices are written in. */
final class Bech32 {

  /** The 32-character alphabet; it has no '1', which separates the prefix from the data. */
  static final String ALPHABET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

  private static final int[] GENERATOR = {
    0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3
  };

  private Bech32() {}

  /** {@code hrp + "1" + data + checksum}, with no length limit (BOLT11 exceeds BIP-173's 90). */
  static String encode(String hrp, byte[] data5) {
    byte[] checksum = checksum(hrp, data5);
    StringBuilder text = new StringBuilder(hrp.length() + 1 + data5.length + 6);
    text.append(hrp).append('1');
    for (byte b : data5) {
      text.append(ALPHABET.charAt(b));
    }
    for (byte b : checksum) {
      text.append(ALPHABET.charAt(b));
    }
    return text.toString();
  }

  /** Whether the text carries a valid bech32 checksum (used by tests and by sanity checks). */
  static boolean hasValidChecksum(String text) {
    String lower = text.toLowerCase();
    int separator = lower.lastIndexOf('1');
    if (separator < 1 || separator + 7 > lower.length()) {
      return false;
    }
    String hrp = lower.substring(0, separator);
    byte[] values = new byte[lower.length() - separator - 1];
    for (int i = 0; i < values.length; i++) {
      int value = ALPHABET.indexOf(lower.charAt(separator + 1 + i));
      if (value < 0) {
        return false;
      }
      values[i] = (byte) value;
    }
    return polymod(expand(hrp), values) == 1;
  }

  /** Regroups bits, e.g. bytes into 5-bit groups; pads the last group with zeros when asked. */
  static byte[] convertBits(byte[] in, int fromBits, int toBits, boolean pad) {
    int acc = 0;
    int bits = 0;
    int maxValue = (1 << toBits) - 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * fromBits / toBits + 1);
    for (byte b : in) {
      acc = (acc << fromBits) | (b & ((1 << fromBits) - 1));
      bits += fromBits;
      while (bits >= toBits) {
        bits -= toBits;
        out.write((acc >>> bits) & maxValue);
      }
    }
    if (pad && bits > 0) {
      out.write((acc << (toBits - bits)) & maxValue);
    }
    return out.toByteArray();
  }

  private static byte[] checksum(String hrp, byte[] data5) {
    byte[] expanded = expand(hrp);
    byte[] values = new byte[data5.length + 6];
    System.arraycopy(data5, 0, values, 0, data5.length);
    int mod = polymod(expanded, values) ^ 1;
    byte[] checksum = new byte[6];
    for (int i = 0; i < 6; i++) {
      checksum[i] = (byte) ((mod >>> (5 * (5 - i))) & 31);
    }
    return checksum;
  }

  private static byte[] expand(String hrp) {
    byte[] ascii = hrp.getBytes(StandardCharsets.US_ASCII);
    byte[] expanded = new byte[ascii.length * 2 + 1];
    for (int i = 0; i < ascii.length; i++) {
      expanded[i] = (byte) ((ascii[i] & 0xff) >>> 5);
      expanded[ascii.length + 1 + i] = (byte) (ascii[i] & 31);
    }
    return expanded;
  }

  private static int polymod(byte[] expandedHrp, byte[] values) {
    int chk = 1;
    for (byte[] part : new byte[][] {expandedHrp, values}) {
      for (byte v : part) {
        int top = chk >>> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ (v & 0xff);
        for (int i = 0; i < 5; i++) {
          if (((top >>> i) & 1) == 1) {
            chk ^= GENERATOR[i];
          }
        }
      }
    }
    return chk;
  }
}
