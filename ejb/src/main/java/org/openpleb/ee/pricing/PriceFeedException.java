package org.openpleb.ee.pricing;

/**
 * A price feed gave no usable price: it was unreachable, slow, answered with an error status, or
 * its document lacked a positive price for the currency. The message names the feed and the reason
 * and is safe to log; it never reaches clients.
 */
public class PriceFeedException extends Exception {

  /** A failure explained by {@code message}. */
  public PriceFeedException(String message) {
    super(message);
  }

  /** A failure explained by {@code message}, caused by {@code cause}. */
  public PriceFeedException(String message, Throwable cause) {
    super(message, cause);
  }
}
