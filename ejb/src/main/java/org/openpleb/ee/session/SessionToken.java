package org.openpleb.ee.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A bearer token: 256 random bits handed to the client once, base64url without padding (43
 * characters). The server keeps only {@link #hash()}, the hex SHA-256 of the token's text, so a
 * copy of the database cannot be replayed as a login.
 *
 * <p>{@link #toString()} never shows the value.
 */
public final class SessionToken {

  /** Random bytes in a token. */
  public static final int BYTES = 32;

  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String value;

  private SessionToken(String value) {
    this.value = value;
  }

  /** A fresh token from the platform's strong random source. */
  public static SessionToken generate() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return new SessionToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /**
   * Whether {@code presented} has the shape of a token at all; anything else is refused before the
   * database is asked.
   */
  public static boolean isWellFormed(String presented) {
    return presented != null && FORM.matcher(presented).matches();
  }

  /** The hex SHA-256 of a token's text, as stored in the database. */
  public static String hashOf(String presented) {
    Objects.requireNonNull(presented, "presented");
    return HexFormat.of().formatHex(sha256(presented.getBytes(StandardCharsets.UTF_8)));
  }

  /** The token's text, to hand to the client exactly once. */
  public String value() {
    return value;
  }

  /** The stored form of this token. */
  public String hash() {
    return hashOf(value);
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "SessionToken[redacted]";
  }
}
