package org.openpleb.ee.platform;

import jakarta.ejb.ApplicationException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A business rule refused a command. It carries a stable {@link ProblemCode}, and its message is
 * written for the client: it never contains a token, a proof secret or a seed. A refusal that a
 * client may simply repeat later (a rate limit, a full server, a stale price, a busy wallet) also
 * carries {@link #retryAfter()}, which the HTTP layer sends as {@code Retry-After}. Leaving an EJB
 * it rolls the transaction back and reaches the HTTP layer unwrapped.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

  private final ProblemCode code;

  /** Not serialised with the exception: it only matters while the request is being answered. */
  private final transient Duration retryAfter;

  /** Creates the exception with a client-safe explanation. */
  public DomainException(ProblemCode code, String message) {
    this(code, message, null);
  }

  /**
   * Creates the exception with a client-safe explanation and, when {@code retryAfter} is not null,
   * the delay after which the same request may succeed.
   */
  public DomainException(ProblemCode code, String message, Duration retryAfter) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
    this.retryAfter = retryAfter;
  }

  /** The stable code clients branch on. */
  public ProblemCode code() {
    return code;
  }

  /** How long the client should wait before repeating the request, for transient refusals. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * The {@code Retry-After} value for {@code delay}: whole seconds, rounded up so the client never
   * comes back too early, and at least 1.
   */
  public static long retryAfterSeconds(Duration delay) {
    long seconds = delay.getSeconds() + (delay.getNano() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
