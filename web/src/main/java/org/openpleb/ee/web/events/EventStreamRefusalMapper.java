package org.openpleb.ee.web.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.openpleb.ee.events.EventStreamLimitException;
import org.openpleb.ee.web.problem.ProblemMapper;

/**
 * Answers a refused event stream (503 EVENT_STREAM_LIMIT at a shared cap, 429 TOO_MANY_REQUESTS
 * over the client's own share) through the one error contract, plus {@code Retry-After}.
 */
@Provider
@ApplicationScoped
public class EventStreamRefusalMapper implements ExceptionMapper<EventStreamLimitException> {

  @Inject ProblemMapper problems;

  @Override
  public Response toResponse(EventStreamLimitException refusal) {
    return Response.fromResponse(problems.toResponse(refusal))
        .header(
            HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, refusal.retryAfter().toSeconds())))
        .build();
  }
}
