package org.openpleb.ee.events;

import java.time.Duration;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/**
 * {@code OPENPLEB_EVENTS_MAX_CLIENTS} event streams are open on this instance, so another one is
 * refused with 503 EVENT_STREAM_LIMIT; slots free up as clients leave or are found dead.
 */
public class EventStreamLimitException extends DomainException {

  private final transient Duration retryAfter;

  /** Refuses a stream at a cap of {@code limit}, suggesting a retry after {@code retryAfter}. */
  public EventStreamLimitException(int limit, Duration retryAfter) {
    super(
        ProblemCode.EVENT_STREAM_LIMIT,
        "This server already serves its limit of " + limit + " event streams; retry later.");
    this.retryAfter = retryAfter;
  }

  /** How long the client should wait before it tries again. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
