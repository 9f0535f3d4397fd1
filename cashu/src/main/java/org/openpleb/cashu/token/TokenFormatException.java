package org.openpleb.cashu.token;

import org.openpleb.cashu.CashuException;

/**
 * Raised for text or bytes that are not a usable Cashu token. The message says what is wrong and
 * never quotes the token, which is a bearer instrument.
 */
public class TokenFormatException extends CashuException {

  public TokenFormatException(String message) {
    super(message);
  }
}
