package org.openpleb.ee.admission;

import java.time.Duration;
import java.util.Objects;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/**
 * A request refused because its sender (or the server) must slow down: the client is told, with
 * {@code Retry-After}, how many seconds to wait. The delay is always present.
 */
public class RetryLaterException extends DomainException {

  /** Creates the refusal; {@code retryAfter} is sent rounded up to whole seconds, at least one. */
  public RetryLaterException(ProblemCode code, String message, Duration retryAfter) {
    super(code, message, Objects.requireNonNull(retryAfter, "retryAfter"));
  }

  /** The {@code Retry-After} value: whole seconds, rounded up, at least 1. */
  public long retryAfterSeconds() {
    return retryAfterSeconds(retryAfter().orElseThrow());
  }
}
