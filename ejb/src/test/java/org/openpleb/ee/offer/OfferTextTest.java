package org.openpleb.ee.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/** Stored offer texts never hold what the database refuses (issue #11, finding 8). */
class OfferTextTest {

  @Test
  void aNulAloneIsNotTrimmedIntoAnEmptyQrCode() {
    DomainException refused =
        assertThrows(DomainException.class, () -> OfferText.requireText("qrCode", "\u0000", 100));
    assertEquals(ProblemCode.VALIDATION_FAILED, refused.code());
    assertTrue(refused.getMessage().startsWith("qrCode "), refused.getMessage());
  }

  @Test
  void controlCharactersAndBrokenUnicodeAreRefusedAnywhereInTheText() {
    for (String text :
        new String[] {
          "a\u0000b", "x\u0001", "\u001fy", "z\u007f", "\ud800", "\udc00a", "a\ud800b"
        }) {
      assertThrows(DomainException.class, () -> OfferText.requireText("reason", text, 100), text);
      assertThrows(DomainException.class, () -> OfferText.optionalText("message", text), text);
    }
  }

  @Test
  void ordinaryTextWithLineBreaksTabsAndEmojiIsKept() {
    assertEquals(
        "line one\nline two\tend \ud83d\ude00",
        OfferText.requireText("reason", "  line one\nline two\tend \ud83d\ude00 ", 100));
    assertNull(OfferText.optionalText("message", "   "));
  }
}
