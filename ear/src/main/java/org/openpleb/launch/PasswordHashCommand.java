package org.openpleb.launch;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * {@code java -jar openpleb.jar hash-password}: prints the value of {@code
 * OPENPLEB_ADMIN_PASSWORD_HASH} for a password read without echo from the console (asked twice), or
 * from the first line of standard input when there is no console (a pipe).
 *
 * <p>The uber jar's own class path holds only the launcher, not the EJB module, so this is a second
 * implementation of the format {@code org.openpleb.ee.admin.AdminPasswordHasher} writes and Jakarta
 * Security's {@code Pbkdf2PasswordHash} verifies: {@code algorithm:iterations:base64(salt):
 * base64(key)} with the same algorithm and figures. A test checks that each verifies the other's
 * hashes. Standard output gets the hash alone; prompts and errors go to the console or standard
 * error.
 */
final class PasswordHashCommand {

  /** The command's name as the first argument of {@code java -jar openpleb.jar}. */
  static final String NAME = "hash-password";

  static final String ALGORITHM = "PBKDF2WithHmacSHA512";

  static final int ITERATIONS = 210_000;

  static final int SALT_BYTES = 32;

  static final int KEY_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHashCommand() {}

  /** A new hash of {@code password} with a fresh random salt. */
  static String hash(char[] password) {
    if (password == null || password.length == 0) {
      throw new IllegalArgumentException("the password must not be empty");
    }
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    Base64.Encoder base64 = Base64.getEncoder();
    return ALGORITHM
        + ":"
        + ITERATIONS
        + ":"
        + base64.encodeToString(salt)
        + ":"
        + base64.encodeToString(derive(password, salt, ALGORITHM, ITERATIONS, KEY_BYTES));
  }

  /** Whether {@code password} matches {@code encoded}, compared in constant time. */
  static boolean matches(char[] password, String encoded) {
    String[] parts = encoded.trim().split(":", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("not a PBKDF2 password hash");
    }
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    byte[] actual = derive(password, salt, parts[0], Integer.parseInt(parts[1]), expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] derive(
      char[] password, byte[] salt, String algorithm, int iterations, int keyBytes) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, keyBytes * 8);
    try {
      return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2 is not available: " + algorithm, e);
    } finally {
      spec.clearPassword();
    }
  }

  /**
   * The command as {@code java -jar openpleb.jar hash-password} runs it. Java offers no console
   * when standard output is captured ({@code HASH=$(java -jar openpleb.jar hash-password)})
   * although the password is typed at a terminal; then the terminal's echo is switched off with
   * {@code stty} while the password is read, so it never shows.
   */
  static int runInProcess() {
    Console console = System.console();
    if (console == null && standardInputIsTerminal()) {
      return runWithoutEcho(System.in, System.out, System.err);
    }
    return run(console, System.in, System.out, System.err);
  }

  private static int runWithoutEcho(InputStream in, PrintStream out, PrintStream err) {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    char[] first = null;
    char[] second = null;
    try {
      if (!stty("-echo")) {
        err.println("hash-password: cannot switch the terminal's echo off; pipe the password in");
        return 1;
      }
      err.print("Admin password: ");
      err.flush();
      first = line(reader);
      err.println();
      err.print("Repeat it: ");
      err.flush();
      second = line(reader);
      err.println();
      if (first.length == 0 || !Arrays.equals(first, second)) {
        err.println("hash-password: the two passwords differ or are empty");
        return 1;
      }
      out.println(hash(first));
      return 0;
    } catch (IOException e) {
      err.println("hash-password: " + e.getMessage());
      return 1;
    } finally {
      stty("echo");
      if (first != null) {
        Arrays.fill(first, '\0');
      }
      if (second != null) {
        Arrays.fill(second, '\0');
      }
    }
  }

  private static char[] line(BufferedReader reader) throws IOException {
    String line = reader.readLine();
    return line == null ? new char[0] : line.toCharArray();
  }

  private static boolean standardInputIsTerminal() {
    return shell("[ -t 0 ]");
  }

  private static boolean stty(String setting) {
    return shell("stty " + setting);
  }

  // A command on this process's own standard input (the terminal), nothing else inherited.
  private static boolean shell(String command) {
    try {
      Process process =
          new ProcessBuilder("sh", "-c", command)
              .redirectInput(ProcessBuilder.Redirect.INHERIT)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      return process.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Reads the password, prints its hash and returns the exit status (0, or 1 with a reason on
   * {@code err} and nothing on {@code out}).
   *
   * @param console the terminal, or null when standard input is not one
   */
  static int run(Console console, InputStream in, PrintStream out, PrintStream err) {
    char[] password = null;
    try {
      password = console != null ? fromConsole(console) : fromInput(in);
      out.println(hash(password));
      return 0;
    } catch (IllegalArgumentException | IOException e) {
      err.println("hash-password: " + e.getMessage());
      return 1;
    } finally {
      if (password != null) {
        Arrays.fill(password, '\0');
      }
    }
  }

  private static char[] fromConsole(Console console) {
    char[] first = console.readPassword("Admin password: ");
    char[] second = console.readPassword("Repeat it: ");
    try {
      if (first == null || second == null || !Arrays.equals(first, second)) {
        throw new IllegalArgumentException("the two passwords differ");
      }
      if (first.length == 0) {
        throw new IllegalArgumentException("the password must not be empty");
      }
      return first;
    } finally {
      if (second != null) {
        Arrays.fill(second, '\0');
      }
    }
  }

  private static char[] fromInput(InputStream in) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line = reader.readLine();
    if (line == null || line.isEmpty()) {
      throw new IllegalArgumentException("no password on standard input");
    }
    return line.toCharArray();
  }
}
