package org.openpleb.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.admin.AdminPasswordHasher;

class PasswordHashCommandTest {

  private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

  @Test
  void theServerAcceptsTheLaunchersHashes() {
    String hash = PasswordHashCommand.hash(PASSWORD);

    assertTrue(AdminPasswordHasher.isWellFormed(hash), hash);
    assertTrue(AdminPasswordHasher.matches(PASSWORD, hash));
    assertFalse(AdminPasswordHasher.matches("wrong".toCharArray(), hash));
  }

  @Test
  void theLauncherVerifiesTheServersHashes() {
    String hash = AdminPasswordHasher.hash(PASSWORD);

    assertTrue(PasswordHashCommand.matches(PASSWORD, hash));
    assertFalse(PasswordHashCommand.matches("wrong".toCharArray(), hash));
  }

  @Test
  void bothWriteTheSameFormat() {
    String[] ours = PasswordHashCommand.hash(PASSWORD).split(":");
    String[] theirs = AdminPasswordHasher.hash(PASSWORD).split(":");

    assertEquals(theirs.length, ours.length);
    assertEquals(theirs[0], ours[0]);
    assertEquals(theirs[1], ours[1]);
    assertEquals(theirs[2].length(), ours[2].length());
    assertEquals(theirs[3].length(), ours[3].length());
  }

  @Test
  void fromAPipeItPrintsOnlyTheHashOfTheFirstLine() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        PasswordHashCommand.run(
            null,
            new ByteArrayInputStream("s3cret pass\nignored\n".getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(0, status);
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.endsWith(System.lineSeparator()));
    String hash = printed.strip();
    assertFalse(hash.contains("\n"));
    assertTrue(AdminPasswordHasher.matches("s3cret pass".toCharArray(), hash));
    assertFalse(printed.contains("s3cret"), "the password itself is never printed");
    assertEquals("", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anEmptyInputFailsWithNothingOnStandardOutput() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        PasswordHashCommand.run(
            null,
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(1, status);
    assertEquals("", out.toString(StandardCharsets.UTF_8));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("no password"));
  }
}
