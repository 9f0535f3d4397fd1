package org.openpleb.ee.pricing;

import java.time.Duration;
import java.util.Objects;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/**
 * No bitcoin price younger than {@code OPENPLEB_PRICE_MAX_AGE_SECONDS} is known, so nothing can be
 * priced: offer creation is refused with 503 PRICE_UNAVAILABLE until the feed answers again.
 */
public class PriceUnavailableException extends DomainException {

  private final transient Duration retryAfter;

  /** Creates the refusal with a client-safe explanation and a hint when to try again. */
  public PriceUnavailableException(String message, Duration retryAfter) {
    super(ProblemCode.PRICE_UNAVAILABLE, message);
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /** When the feed will be asked again, at the earliest; at least one second. */
  public Duration retryAfter() {
    return retryAfter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : retryAfter;
  }
}
