package org.openpleb.ee.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

  private static final byte[] KEY = filled(7);
  private static final byte[] ROW = "offer-1\n3".getBytes(StandardCharsets.UTF_8);
  private static final String TOKEN = "cashuBo2FteBVodHRwOi8vMTI3LjAuMC4xOjMzMzhhdWNzYXQ";

  private static byte[] filled(int value) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) value);
    return key;
  }

  private final SecretBox box = new SecretBox(KEY, new SecureRandom());

  @Test
  void aSealedTokenHidesItsTextAndOpensInItsOwnRow() {
    String sealed = box.seal(TOKEN, ROW);

    assertTrue(SecretBox.sealed(sealed));
    assertFalse(sealed.contains("cashu"), sealed);
    assertEquals(TOKEN, box.open(sealed, ROW));
    assertNotEquals(sealed, box.seal(TOKEN, ROW), "every sealing takes a fresh nonce");
  }

  @Test
  void aSealedValueOpensInNoOtherRowUnderNoOtherKeyAndNotAltered() {
    String sealed = box.seal(TOKEN, ROW);

    byte[] otherRow = "offer-1\n4".getBytes(StandardCharsets.UTF_8);
    assertThrows(IllegalStateException.class, () -> box.open(sealed, otherRow));
    SecretBox other = new SecretBox(filled(8), new SecureRandom());
    assertThrows(IllegalStateException.class, () -> other.open(sealed, ROW));
    char last = sealed.charAt(sealed.length() - 3);
    String altered =
        sealed.substring(0, sealed.length() - 3)
            + (last == 'A' ? 'B' : 'A')
            + sealed.substring(sealed.length() - 2);
    assertThrows(IllegalStateException.class, () -> box.open(altered, ROW));
    assertThrows(IllegalStateException.class, () -> box.open(SecretBox.PREFIX + "AAAA", ROW));
    assertThrows(IllegalStateException.class, () -> box.open(TOKEN, ROW));
  }

  @Test
  void tokensAndJsonAreNeverTakenForSealedValues() {
    assertFalse(SecretBox.sealed(TOKEN));
    assertFalse(SecretBox.sealed("{\"token\":\"cashuA\"}"));
    assertFalse(SecretBox.sealed(null));
    assertEquals("SecretBox[redacted]", box.toString());
    assertThrows(
        IllegalArgumentException.class, () -> new SecretBox(new byte[16], new SecureRandom()));
  }
}
