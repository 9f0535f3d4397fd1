package org.openpleb.ee.offer;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * What a receipt image's header says about it: its format and its size in pixels, read from the
 * first bytes that define them (PNG's IHDR chunk, JPEG's start-of-frame segment, WebP's VP8, VP8L
 * or VP8X chunk) without decoding a single pixel. A receipt is shown to the maker and the admin, so
 * an image whose header is malformed, or whose pixel count would cost a viewer gigabytes to decode,
 * is refused before it is stored.
 *
 * @param contentType {@code image/png}, {@code image/jpeg} or {@code image/webp}
 * @param width pixels across, at least 1
 * @param height pixels down, at least 1
 */
public record ImageHeader(String contentType, long width, long height) {

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

  /** The number of pixels, width times height. */
  public long pixels() {
    return width * height;
  }

  /**
   * The header of a PNG, JPEG or WebP file.
   *
   * @return empty when the bytes are no such file or their header is malformed
   */
  public static Optional<ImageHeader> read(byte[] bytes) {
    if (bytes == null) {
      return Optional.empty();
    }
    try {
      if (startsWith(bytes, PNG_SIGNATURE)) {
        return png(bytes);
      }
      if (bytes.length >= 3 && u8(bytes, 0) == 0xFF && u8(bytes, 1) == 0xD8) {
        return jpeg(bytes);
      }
      if (bytes.length >= 12 && ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) {
        return webp(bytes);
      }
      return Optional.empty();
    } catch (ArrayIndexOutOfBoundsException truncated) {
      // every read is bounds-checked by the array itself: a header cut short is malformed
      return Optional.empty();
    }
  }

  // PNG: the signature, then IHDR first, 13 bytes, guarded by its CRC.

  private static Optional<ImageHeader> png(byte[] b) {
    int at = PNG_SIGNATURE.length;
    if (b.length < at + 8 + 13 + 4 || be32(b, at) != 13 || !ascii(b, at + 4, "IHDR")) {
      return Optional.empty();
    }
    int data = at + 8;
    long width = be32(b, data);
    long height = be32(b, data + 4);
    int depth = u8(b, data + 8);
    int colour = u8(b, data + 9);
    boolean standard = u8(b, data + 10) == 0 && u8(b, data + 11) == 0 && u8(b, data + 12) <= 1;
    CRC32 crc = new CRC32();
    crc.update(b, at + 4, 4 + 13);
    boolean intact = crc.getValue() == be32(b, data + 13);
    // the PNG specification caps each side at 2^31 - 1
    if (width < 1
        || height < 1
        || width > Integer.MAX_VALUE
        || height > Integer.MAX_VALUE
        || !standard
        || !intact
        || !validPngDepth(colour, depth)) {
      return Optional.empty();
    }
    return Optional.of(new ImageHeader("image/png", width, height));
  }

  private static boolean validPngDepth(int colour, int depth) {
    return switch (colour) {
      case 0 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
      case 3 -> depth == 1 || depth == 2 || depth == 4 || depth == 8;
      case 2, 4, 6 -> depth == 8 || depth == 16;
      default -> false;
    };
  }

  // JPEG: segments after SOI up to the first baseline, extended or progressive start of frame.

  private static Optional<ImageHeader> jpeg(byte[] b) {
    int at = 2;
    while (at < b.length) {
      if (u8(b, at) != 0xFF) {
        return Optional.empty();
      }
      int marker = u8(b, at + 1);
      at += 2;
      if (marker == 0xFF) {
        at--; // a fill byte: the next byte starts the marker again
        continue;
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        continue; // markers without a length
      }
      if (marker == 0xD8 || marker == 0xD9 || marker == 0xDA || marker == 0x00) {
        return Optional.empty(); // a second start, the end or the scan before any frame
      }
      int length = be16(b, at);
      if (length < 2 || at + length > b.length) {
        return Optional.empty();
      }
      if (marker == 0xC0 || marker == 0xC1 || marker == 0xC2) {
        return jpegFrame(b, at, length);
      }
      if (marker >= 0xC3 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
        return Optional.empty(); // lossless, hierarchical or arithmetic frames: not accepted
      }
      at += length;
    }
    return Optional.empty();
  }

  private static Optional<ImageHeader> jpegFrame(byte[] b, int at, int length) {
    if (length < 8) {
      return Optional.empty();
    }
    int precision = u8(b, at + 2);
    long height = be16(b, at + 3);
    long width = be16(b, at + 5);
    int components = u8(b, at + 7);
    boolean shaped = components >= 1 && components <= 4 && length == 8 + 3 * components;
    // a height of 0 defers it to a later DNL segment: not accepted
    if ((precision != 8 && precision != 12) || height < 1 || width < 1 || !shaped) {
      return Optional.empty();
    }
    return Optional.of(new ImageHeader("image/jpeg", width, height));
  }

  // WebP: a RIFF container whose first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended).

  private static Optional<ImageHeader> webp(byte[] b) {
    long riffSize = le32(b, 4);
    if (riffSize < 4 + 8 || riffSize + 8 > b.length || b.length < 20) {
      return Optional.empty();
    }
    long chunkSize = le32(b, 16);
    int data = 20;
    if (chunkSize > riffSize - 12) {
      return Optional.empty();
    }
    if (ascii(b, 12, "VP8 ")) {
      return vp8(b, data, chunkSize);
    }
    if (ascii(b, 12, "VP8L")) {
      return vp8l(b, data, chunkSize);
    }
    if (ascii(b, 12, "VP8X")) {
      return vp8x(b, data, chunkSize);
    }
    return Optional.empty();
  }

  private static Optional<ImageHeader> vp8(byte[] b, int at, long size) {
    // a key frame: 3-byte frame tag (bit 0 clear), start code 9D 01 2A, then 14-bit sides
    if (size < 10
        || (u8(b, at) & 1) != 0
        || u8(b, at + 3) != 0x9D
        || u8(b, at + 4) != 0x01
        || u8(b, at + 5) != 0x2A) {
      return Optional.empty();
    }
    long width = le16(b, at + 6) & 0x3FFF;
    long height = le16(b, at + 8) & 0x3FFF;
    if (width < 1 || height < 1) {
      return Optional.empty();
    }
    return Optional.of(new ImageHeader("image/webp", width, height));
  }

  private static Optional<ImageHeader> vp8l(byte[] b, int at, long size) {
    // signature 0x2F, then width-1 and height-1 in 14 bits each, alpha bit, 3-bit version 0
    if (size < 5 || u8(b, at) != 0x2F) {
      return Optional.empty();
    }
    long bits = le32(b, at + 1);
    long width = (bits & 0x3FFF) + 1;
    long height = ((bits >>> 14) & 0x3FFF) + 1;
    long version = bits >>> 29;
    if (version != 0) {
      return Optional.empty();
    }
    return Optional.of(new ImageHeader("image/webp", width, height));
  }

  private static Optional<ImageHeader> vp8x(byte[] b, int at, long size) {
    // flags, 3 reserved bytes, canvas width-1 and height-1 in 24 bits each
    if (size < 10 || (u8(b, at) & 0xC1) != 0) {
      return Optional.empty();
    }
    long width = le24(b, at + 4) + 1;
    long height = le24(b, at + 7) + 1;
    // the WebP container caps the canvas at 2^32 pixels
    if (width * height > (1L << 32)) {
      return Optional.empty();
    }
    return Optional.of(new ImageHeader("image/webp", width, height));
  }

  private static boolean startsWith(byte[] b, byte[] prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean ascii(byte[] b, int at, String text) {
    byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
    if (at + expected.length > b.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (b[at + i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private static int u8(byte[] b, int at) {
    return b[at] & 0xFF;
  }

  private static int be16(byte[] b, int at) {
    return (u8(b, at) << 8) | u8(b, at + 1);
  }

  private static long be32(byte[] b, int at) {
    return ((long) be16(b, at) << 16) | be16(b, at + 2);
  }

  private static int le16(byte[] b, int at) {
    return u8(b, at) | (u8(b, at + 1) << 8);
  }

  private static long le24(byte[] b, int at) {
    return le16(b, at) | ((long) u8(b, at + 2) << 16);
  }

  private static long le32(byte[] b, int at) {
    return le24(b, at) | ((long) u8(b, at + 3) << 24);
  }
}
