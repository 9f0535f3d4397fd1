package org.openpleb.ee.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Receipts are recognised by their leading bytes, whatever a client claims. */
class ReceiptImageTest {

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  @Test
  void pngJpegAndWebpAreRecognised() {
    assertEquals(
        Optional.of("image/png"),
        ReceiptImage.sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0)));
    assertEquals(Optional.of("image/jpeg"), ReceiptImage.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0)));
    assertEquals(
        Optional.of("image/webp"),
        ReceiptImage.sniff(bytes('R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'E', 'B', 'P')));
  }

  @Test
  void anythingElseIsNotAReceipt() {
    assertFalse(
        ReceiptImage.sniff("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)).isPresent());
    assertFalse(ReceiptImage.sniff(bytes('G', 'I', 'F', '8', '9', 'a')).isPresent());
    assertFalse(
        ReceiptImage.sniff(bytes('R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'A', 'V', 'E')).isPresent());
    assertFalse(ReceiptImage.sniff(bytes(0x89, 'P', 'N')).isPresent());
    assertFalse(ReceiptImage.sniff(new byte[0]).isPresent());
  }

  @Test
  void theHashIdentifiesTheFileWithoutShowingIt() {
    ReceiptImage image = new ReceiptImage("image/png", "abc".getBytes(StandardCharsets.US_ASCII));

    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", image.sha256());
    assertEquals("ReceiptImage[image/png, 3 bytes]", image.toString());
  }
}
