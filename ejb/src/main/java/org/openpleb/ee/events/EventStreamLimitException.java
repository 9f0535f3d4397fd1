package org.openpleb.ee.events;

import java.time.Duration;
import java.util.Objects;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/**
 * Another event stream is refused: 503 EVENT_STREAM_LIMIT when a shared cap of this instance is
 * full ({@code OPENPLEB_EVENTS_MAX_CLIENTS}, or {@code OPENPLEB_EVENTS_MAX_ANONYMOUS} for anonymous
 * streams), 429 TOO_MANY_REQUESTS when the client already has its own share ({@code
 * OPENPLEB_EVENTS_MAX_PER_ADDRESS}, {@code OPENPLEB_EVENTS_MAX_PER_SESSION}). Slots free up as
 * clients leave or are found dead; the answer carries a {@link #retryAfter()}.
 */
public class EventStreamLimitException extends DomainException {

  /** Refuses a stream at a cap of {@code limit}, suggesting a retry after {@code retryAfter}. */
  public EventStreamLimitException(int limit, Duration retryAfter) {
    this(
        ProblemCode.EVENT_STREAM_LIMIT,
        "This server already serves its limit of " + limit + " event streams; retry later.",
        retryAfter);
  }

  /** Refuses a stream with {@code code}, suggesting a retry after {@code retryAfter}. */
  public EventStreamLimitException(ProblemCode code, String message, Duration retryAfter) {
    super(code, message, Objects.requireNonNull(retryAfter, "retryAfter"));
  }
}
