package org.openpleb.ee.pricing;

import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/**
 * No bitcoin price younger than {@code OPENPLEB_PRICE_MAX_AGE_SECONDS} is known, so nothing can be
 * priced: offer creation is refused with 503 PRICE_UNAVAILABLE until the feed answers again.
 */
public class PriceUnavailableException extends DomainException {

  /** Creates the refusal with a client-safe explanation. */
  public PriceUnavailableException(String message) {
    super(ProblemCode.PRICE_UNAVAILABLE, message);
  }
}
