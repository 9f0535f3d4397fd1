package org.openpleb.ee.session;

import java.time.Duration;
import java.util.Objects;
import org.openpleb.ee.platform.DomainException;

/**
 * A login was refused: the request broke a rule of the challenge login, or the server admits no new
 * session right now. In the second case {@link #retryAfter()} tells the client when to try again
 * (the HTTP layer sends it as {@code Retry-After}). Leaving the login it rolls back the whole
 * attempt, so a refused login consumes nothing, not even its challenge.
 */
public class LoginRefusedException extends DomainException {

  private final LoginRefusal refusal;

  /** A refusal with a client-safe message. */
  public LoginRefusedException(LoginRefusal refusal, String message) {
    this(refusal, message, null);
  }

  /** A capacity refusal that the client may retry after {@code retryAfter}. */
  public LoginRefusedException(LoginRefusal refusal, String message, Duration retryAfter) {
    super(Objects.requireNonNull(refusal, "refusal").code(), message, retryAfter);
    this.refusal = refusal;
  }

  /** Why the login was refused. */
  public LoginRefusal refusal() {
    return refusal;
  }
}
