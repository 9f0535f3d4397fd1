package org.openpleb.ee.admin;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Produces the value of {@code OPENPLEB_ADMIN_PASSWORD_HASH}: a PBKDF2 hash in the encoding of
 * Jakarta Security's {@code Pbkdf2PasswordHash}, {@code algorithm:iterations:base64(salt):
 * base64(hash)}, which the server verifies with the container's own implementation.
 *
 * <p>Operators run {@code java -jar ear/target/openpleb.jar hash-password}: the server jar's
 * launcher carries its own implementation of this format ({@code
 * org.openpleb.launch.PasswordHashCommand}), because the uber jar's class path does not hold the
 * EJB module; a test in the ear module checks that each verifies the other's hashes. This class
 * also runs with only a JDK, from the built EJB jar (the password is not echoed; from a pipe, the
 * first line of standard input is the password):
 *
 * <pre>
 * java -cp ejb/target/openpleb-ejb-*.jar org.openpleb.ee.admin.AdminPasswordHasher
 * </pre>
 *
 * <p>It prints the hash alone on standard output. Only JDK classes are used, so the jar needs no
 * other library on the class path.
 */
public final class AdminPasswordHasher {

  /** The PRF: PBKDF2 with HMAC-SHA-512. */
  public static final String ALGORITHM = "PBKDF2WithHmacSHA512";

  /** Iterations for new hashes (OWASP's figure for PBKDF2-HMAC-SHA-512). */
  public static final int ITERATIONS = 210_000;

  /** Salt length of new hashes. */
  public static final int SALT_BYTES = 32;

  /** Derived key length of new hashes. */
  public static final int KEY_BYTES = 32;

  private static final Set<String> ALGORITHMS =
      Set.of(
          "PBKDF2WithHmacSHA224",
          "PBKDF2WithHmacSHA256",
          "PBKDF2WithHmacSHA384",
          "PBKDF2WithHmacSHA512");

  /** The smallest figures Jakarta Security's implementation accepts. */
  private static final int MIN_ITERATIONS = 1024;

  private static final int MIN_BYTES = 16;

  private static final SecureRandom RANDOM = new SecureRandom();

  private AdminPasswordHasher() {}

  /**
   * The parameters that make the container's {@code Pbkdf2PasswordHash} generate hashes like this
   * class does (verification reads them from each hash anyway).
   */
  public static Map<String, String> parameters() {
    return Map.of(
        "Pbkdf2PasswordHash.Algorithm", ALGORITHM,
        "Pbkdf2PasswordHash.Iterations", String.valueOf(ITERATIONS),
        "Pbkdf2PasswordHash.SaltSizeBytes", String.valueOf(SALT_BYTES),
        "Pbkdf2PasswordHash.KeySizeBytes", String.valueOf(KEY_BYTES));
  }

  /** A new hash of {@code password} with a fresh random salt. */
  public static String hash(char[] password) {
    if (password == null || password.length == 0) {
      throw new IllegalArgumentException("the password must not be empty");
    }
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] key = derive(password, salt, ALGORITHM, ITERATIONS, KEY_BYTES);
    Base64.Encoder base64 = Base64.getEncoder();
    return ALGORITHM
        + ":"
        + ITERATIONS
        + ":"
        + base64.encodeToString(salt)
        + ":"
        + base64.encodeToString(key);
  }

  /**
   * Whether {@code password} matches {@code encoded}, recomputed with the encoding's own algorithm,
   * iterations and salt and compared in constant time. The server verifies with the container's
   * implementation; this one lets the tool and its tests check a hash without a container.
   */
  public static boolean matches(char[] password, String encoded) {
    if (!isWellFormed(encoded)) {
      throw new IllegalArgumentException("not a PBKDF2 password hash");
    }
    String[] parts = encoded.split(":");
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    byte[] actual = derive(password, salt, parts[0], Integer.parseInt(parts[1]), expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  /**
   * Whether {@code encoded} has the form {@code Pbkdf2PasswordHash} verifies: a supported
   * algorithm, at least 1024 iterations, and a salt and hash of at least 16 bytes each.
   */
  public static boolean isWellFormed(String encoded) {
    if (encoded == null) {
      return false;
    }
    String[] parts = encoded.trim().split(":", -1);
    if (parts.length != 4 || !ALGORITHMS.contains(parts[0])) {
      return false;
    }
    try {
      return Integer.parseInt(parts[1]) >= MIN_ITERATIONS
          && Base64.getDecoder().decode(parts[2]).length >= MIN_BYTES
          && Base64.getDecoder().decode(parts[3]).length >= MIN_BYTES;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] derive(
      char[] password, byte[] salt, String algorithm, int iterations, int keyBytes) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, keyBytes * 8);
    try {
      return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException("PBKDF2 is not available: " + algorithm, e);
    } finally {
      spec.clearPassword();
    }
  }

  /** Reads a password (twice on a terminal) and prints its hash. */
  public static void main(String[] args) throws IOException {
    char[] password = readPassword();
    try {
      System.out.println(hash(password));
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static char[] readPassword() throws IOException {
    Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("Admin password: ");
      char[] second = console.readPassword("Repeat it: ");
      if (first == null || second == null || !Arrays.equals(first, second)) {
        throw new IllegalArgumentException("the two passwords differ");
      }
      Arrays.fill(second, '\0');
      return first;
    }
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = in.readLine();
    if (line == null || line.isEmpty()) {
      throw new IllegalArgumentException("no password on standard input");
    }
    return line.toCharArray();
  }
}
