package org.openpleb.ee.admission;

import java.time.Duration;
import java.util.Objects;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/**
 * A request refused because its sender (or the server) must slow down: the client is told, with
 * {@code Retry-After}, how many seconds to wait.
 */
public class RetryLaterException extends DomainException {

  private final Duration retryAfter;

  /** Creates the refusal; {@code retryAfter} is rounded up to whole seconds, at least one. */
  public RetryLaterException(ProblemCode code, String message, Duration retryAfter) {
    super(code, message);
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /** How long the client should wait. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** The {@code Retry-After} value: whole seconds, rounded up, at least 1. */
  public long retryAfterSeconds() {
    return retryAfterSeconds(retryAfter);
  }

  /** Whole seconds of {@code delay}, rounded up, at least 1. */
  public static long retryAfterSeconds(Duration delay) {
    long seconds = delay.getSeconds() + (delay.getNano() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
