package org.openpleb.ee.pricing;

import java.time.Duration;
import java.util.Objects;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/**
 * No bitcoin price younger than {@code OPENPLEB_PRICE_MAX_AGE_SECONDS} is known, so nothing can be
 * priced: offer creation is refused with 503 PRICE_UNAVAILABLE until the feed answers again. Its
 * {@link #retryAfter()} is when the feed will be asked again, at the earliest; at least one second.
 */
public class PriceUnavailableException extends DomainException {

  private static final Duration AT_LEAST = Duration.ofSeconds(1);

  /** Creates the refusal with a client-safe explanation and a hint when to try again. */
  public PriceUnavailableException(String message, Duration retryAfter) {
    super(ProblemCode.PRICE_UNAVAILABLE, message, atLeastOneSecond(retryAfter));
  }

  private static Duration atLeastOneSecond(Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter");
    return retryAfter.compareTo(AT_LEAST) < 0 ? AT_LEAST : retryAfter;
  }
}
