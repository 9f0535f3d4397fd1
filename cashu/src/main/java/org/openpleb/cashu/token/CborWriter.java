package org.openpleb.cashu.token;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal CBOR encoder for V4 tokens: definite-length maps, arrays, text and byte strings and
 * unsigned integers, each with the shortest head. Writing by hand keeps the output byte-for-byte
 * equal to the NUT-00 vectors, whatever a general-purpose library prefers for long strings or big
 * numbers.
 */
final class CborWriter {

  private static final int UNSIGNED = 0;
  private static final int BYTES = 2;
  private static final int TEXT = 3;
  private static final int ARRAY = 4;
  private static final int MAP = 5;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

  CborWriter map(int entries) {
    head(MAP, entries);
    return this;
  }

  CborWriter array(int items) {
    head(ARRAY, items);
    return this;
  }

  CborWriter text(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    head(TEXT, utf8.length);
    out.writeBytes(utf8);
    return this;
  }

  CborWriter bytes(byte[] value) {
    head(BYTES, value.length);
    out.writeBytes(value);
    return this;
  }

  CborWriter unsigned(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("CBOR unsigned integers cannot be negative");
    }
    head(UNSIGNED, value);
    return this;
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  private void head(int major, long value) {
    int type = major << 5;
    if (value < 24) {
      out.write(type | (int) value);
    } else if (value < 0x100) {
      out.write(type | 24);
      writeBigEndian(value, 1);
    } else if (value < 0x1_0000) {
      out.write(type | 25);
      writeBigEndian(value, 2);
    } else if (value < 0x1_0000_0000L) {
      out.write(type | 26);
      writeBigEndian(value, 4);
    } else {
      out.write(type | 27);
      writeBigEndian(value, 8);
    }
  }

  private void writeBigEndian(long value, int bytes) {
    for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
      out.write((int) (value >>> shift) & 0xff);
    }
  }
}
