package org.openpleb.cashu;

/**
 * The root of every error this library raises: malformed tokens, failed crypto checks, mint errors
 * and wallet failures. Messages never contain proof secrets, tokens or seeds.
 */
public class CashuException extends RuntimeException {

  public CashuException(String message) {
    super(message);
  }

  public CashuException(String message, Throwable cause) {
    super(message, cause);
  }
}
