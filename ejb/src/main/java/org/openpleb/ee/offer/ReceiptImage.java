package org.openpleb.ee.offer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The picture a taker uploads as a receipt: PNG, JPEG or WebP, recognised by its leading bytes (the
 * declared media type must agree), at most the configured size.
 *
 * @param contentType {@code image/png}, {@code image/jpeg} or {@code image/webp}
 * @param bytes the file
 */
public record ReceiptImage(String contentType, byte[] bytes) {

  /** Requires both parts. */
  public ReceiptImage {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(bytes, "bytes");
  }

  /** The media type {@code bytes} start like, among the accepted ones. */
  public static Optional<String> sniff(byte[] bytes) {
    if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of("image/png");
    }
    if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
      return Optional.of("image/jpeg");
    }
    if (bytes.length >= 12
        && startsWith(bytes, 'R', 'I', 'F', 'F')
        && bytes[8] == 'W'
        && bytes[9] == 'E'
        && bytes[10] == 'B'
        && bytes[11] == 'P') {
      return Optional.of("image/webp");
    }
    return Optional.empty();
  }

  /** SHA-256 of the file, hex, for the audit log (the image itself is never logged). */
  public String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ReceiptImage r
        && r.contentType.equals(contentType)
        && Arrays.equals(r.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return 31 * contentType.hashCode() + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "ReceiptImage[" + contentType + ", " + bytes.length + " bytes]";
  }
}
