package org.openpleb.ee.session;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The login proof of work: a client finds a nonce such that SHA-256 of {@code challenge + ":" +
 * nonce} (UTF-8) starts with at least {@code difficulty} zero bits.
 *
 * <p>The difficulty is fixed when the challenge is issued and written into it: its first byte (the
 * first two hex characters) is the number of bits. The challenge is stored, so a client cannot
 * lower it without the challenge becoming unknown. A login is also held to the difficulty of the
 * capacity level at the time it arrives, so a challenge fetched before the level rose, or one made
 * up, cannot buy a signature check without work. Checking costs one hash, before anything else.
 */
public final class ProofOfWork {

  /** The algorithm name clients see. */
  public static final String ALGORITHM = "sha256-leading-zero-bits";

  /** The highest difficulty a challenge can carry; more than that is never issued. */
  public static final int MAX_BITS = 32;

  /** What a nonce may be: 1 to 64 characters of ASCII letters, digits, '-' and '_'. */
  static final Pattern NONCE = Pattern.compile("[0-9A-Za-z_-]{1,64}");

  private ProofOfWork() {}

  /** The difficulty written into a challenge: the value of its first byte. */
  public static int difficultyOf(String challenge) {
    return HexFormat.fromHexDigits(challenge, 0, 2);
  }

  /** The two hex characters that start a challenge of {@code bits} difficulty. */
  static String prefix(int bits) {
    if (bits < 0 || bits > MAX_BITS) {
      throw new IllegalArgumentException("difficulty out of range: " + bits);
    }
    return HexFormat.of().toHexDigits((byte) bits);
  }

  /** Whether {@code nonce} has the form a nonce must have. */
  public static boolean isWellFormedNonce(String nonce) {
    return nonce != null && NONCE.matcher(nonce).matches();
  }

  /** How many leading zero bits SHA-256 of {@code challenge + ":" + nonce} has. */
  public static int leadingZeroBits(String challenge, String nonce) {
    byte[] hash = SessionToken.sha256((challenge + ":" + nonce).getBytes(StandardCharsets.UTF_8));
    int bits = 0;
    for (byte b : hash) {
      if (b == 0) {
        bits += 8;
        continue;
      }
      return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
    }
    return bits;
  }

  /** Finds a nonce for {@code difficulty} bits by counting up from 0 (for tests and tools). */
  public static String solve(String challenge, int difficulty) {
    for (long n = 0; ; n++) {
      String nonce = Long.toString(n);
      if (leadingZeroBits(challenge, nonce) >= difficulty) {
        return nonce;
      }
    }
  }
}
