package org.openpleb.client.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The login's proof of work, {@code sha256-leading-zero-bits}: a nonce such that SHA-256 of the
 * UTF-8 bytes of {@code challenge + ":" + nonce} starts with at least {@code difficulty} zero bits.
 * The server writes the difficulty into the challenge's first byte too.
 */
public final class ProofOfWork {

  /** The only algorithm the server asks for. */
  public static final String ALGORITHM = "sha256-leading-zero-bits";

  /** The highest difficulty a server issues; more would take a client hours. */
  public static final int MAX_BITS = 32;

  private ProofOfWork() {}

  /** The difficulty written into a challenge: the value of its first byte (two hex characters). */
  public static int difficultyOf(String challenge) {
    return Integer.parseInt(challenge.substring(0, 2), 16);
  }

  /** How many leading zero bits SHA-256 of {@code challenge + ":" + nonce} has. */
  public static int leadingZeroBits(String challenge, String nonce) {
    byte[] hash = sha256((challenge + ":" + nonce).getBytes(StandardCharsets.UTF_8));
    int bits = 0;
    for (byte b : hash) {
      int unsigned = b & 0xff;
      if (unsigned != 0) {
        return bits + Integer.numberOfLeadingZeros(unsigned) - 24;
      }
      bits += 8;
    }
    return bits;
  }

  /**
   * A nonce of decimal digits (a form the server accepts: 1 to 64 of A-Z a-z 0-9 - _) meeting
   * {@code difficulty}, found by counting up from 0.
   */
  public static String solve(String challenge, int difficulty) {
    if (difficulty < 0 || difficulty > MAX_BITS) {
      throw new IllegalArgumentException("difficulty out of range: " + difficulty);
    }
    for (long n = 0; ; n++) {
      String nonce = Long.toString(n);
      if (leadingZeroBits(challenge, nonce) >= difficulty) {
        return nonce;
      }
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
