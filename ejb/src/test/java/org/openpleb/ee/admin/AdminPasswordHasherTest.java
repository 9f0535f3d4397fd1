package org.openpleb.ee.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class AdminPasswordHasherTest {

  private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

  @Test
  void aHashHasTheJakartaSecurityEncoding() throws Exception {
    String hash = AdminPasswordHasher.hash(PASSWORD);

    String[] parts = hash.split(":");
    assertEquals(4, parts.length, hash);
    assertEquals("PBKDF2WithHmacSHA512", parts[0]);
    assertEquals("210000", parts[1]);
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] key = Base64.getDecoder().decode(parts[3]);
    assertEquals(32, salt.length);
    assertEquals(32, key.length);
    // recomputed here with the JDK's PBKDF2 directly, from the encoding's own parameters
    byte[] expected =
        SecretKeyFactory.getInstance(parts[0])
            .generateSecret(new PBEKeySpec(PASSWORD, salt, 210_000, 256))
            .getEncoded();
    assertArrayEquals(expected, key);
  }

  @Test
  void theRightPasswordMatchesAndAWrongOneDoesNot() {
    String hash = AdminPasswordHasher.hash(PASSWORD);

    assertTrue(AdminPasswordHasher.matches(PASSWORD, hash));
    assertFalse(AdminPasswordHasher.matches("correct horse battery stapler".toCharArray(), hash));
  }

  @Test
  void everyHashHasItsOwnSalt() {
    assertNotEquals(AdminPasswordHasher.hash(PASSWORD), AdminPasswordHasher.hash(PASSWORD));
  }

  @Test
  void hashesMadeWithOtherParametersStillMatch() throws Exception {
    byte[] salt = new byte[16];
    byte[] key =
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(new PBEKeySpec(PASSWORD, salt, 2048, 256))
            .getEncoded();
    String soteriaDefaults =
        "PBKDF2WithHmacSHA256:2048:"
            + Base64.getEncoder().encodeToString(salt)
            + ":"
            + Base64.getEncoder().encodeToString(key);

    assertTrue(AdminPasswordHasher.isWellFormed(soteriaDefaults));
    assertTrue(AdminPasswordHasher.matches(PASSWORD, soteriaDefaults));
  }

  @Test
  void onlyTheVerifiableFormIsWellFormed() {
    String salt = Base64.getEncoder().encodeToString(new byte[16]);
    assertFalse(AdminPasswordHasher.isWellFormed(null));
    assertFalse(AdminPasswordHasher.isWellFormed("secret"));
    assertFalse(AdminPasswordHasher.isWellFormed("PBKDF2WithHmacSHA1:2048:" + salt + ":" + salt));
    assertFalse(AdminPasswordHasher.isWellFormed("PBKDF2WithHmacSHA256:1000:" + salt + ":" + salt));
    assertFalse(AdminPasswordHasher.isWellFormed("PBKDF2WithHmacSHA256:x:" + salt + ":" + salt));
    assertFalse(AdminPasswordHasher.isWellFormed("PBKDF2WithHmacSHA256:2048:" + salt + ":!!"));
    assertFalse(AdminPasswordHasher.isWellFormed("PBKDF2WithHmacSHA256:2048:AAAA:" + salt));
    assertFalse(AdminPasswordHasher.isWellFormed("PBKDF2WithHmacSHA256:2048:" + salt));
    assertTrue(AdminPasswordHasher.isWellFormed("PBKDF2WithHmacSHA256:2048:" + salt + ":" + salt));
  }

  @Test
  void anEmptyPasswordIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> AdminPasswordHasher.hash(new char[0]));
  }

  @Test
  void theContainerIsConfiguredLikeThisTool() {
    assertEquals(
        "PBKDF2WithHmacSHA512",
        AdminPasswordHasher.parameters().get("Pbkdf2PasswordHash.Algorithm"));
    assertEquals("210000", AdminPasswordHasher.parameters().get("Pbkdf2PasswordHash.Iterations"));
  }

  @Test
  void theToolReadsThePasswordFromAPipeAndPrintsOnlyTheHash() throws Exception {
    InputStream in = System.in;
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream("s3cret pass\n".getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));

      AdminPasswordHasher.main(new String[0]);
    } finally {
      System.setIn(in);
      System.setOut(out);
    }

    String hash = printed.toString(StandardCharsets.UTF_8).strip();
    assertFalse(hash.contains("\n"), hash);
    assertTrue(AdminPasswordHasher.matches("s3cret pass".toCharArray(), hash));
  }
}
