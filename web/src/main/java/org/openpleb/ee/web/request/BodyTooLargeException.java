package org.openpleb.ee.web.request;

import java.io.IOException;

/**
 * A request body went past its limit while being read. An {@link IOException}, so it passes through
 * any reader of the stream unchanged; the error contract answers it with 413.
 */
public class BodyTooLargeException extends IOException {

  private static final long serialVersionUID = 1L;

  /** The body passed {@code max} bytes. */
  public BodyTooLargeException(long max) {
    super("The request body may be at most " + max + " bytes");
  }
}
