package org.openpleb.ee.offer;

import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/**
 * The rules for the free text parties and the admin attach to an offer (QR code, provider label,
 * feedback, messages, reasons): required or optional, trimmed, bounded, and free of control
 * characters and broken Unicode.
 */
final class OfferText {

  private OfferText() {}

  static String requireText(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw invalid(field + " is required");
    }
    refuseControlCharacters(field, value);
    String text = value.trim();
    if (text.length() > max) {
      throw invalid(field + " must be at most " + max + " characters");
    }
    return text;
  }

  /**
   * Refuses control characters other than tab, line feed and carriage return, and unpaired
   * surrogates: the database cannot store a NUL or broken UTF-16, and {@code trim()} would quietly
   * turn {@code "\u0000"} into an empty text. Checked before trimming, for every stored text.
   */
  static void refuseControlCharacters(String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
      boolean broken =
          Character.isHighSurrogate(c)
              ? i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(++i))
              : Character.isLowSurrogate(c);
      if (control || broken) {
        throw invalid(field + " must not contain control characters or broken Unicode");
      }
    }
  }

  static String optionalText(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return requireText(field, value, OfferTransitions.MAX_TEXT);
  }

  static DomainException invalid(String message) {
    return new DomainException(ProblemCode.VALIDATION_FAILED, message);
  }
}
