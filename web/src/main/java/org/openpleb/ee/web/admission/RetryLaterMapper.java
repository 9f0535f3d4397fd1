package org.openpleb.ee.web.admission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.openpleb.ee.admission.RetryLaterException;
import org.openpleb.ee.web.problem.ProblemMapper;

/**
 * Answers a rate limit or backoff through the one error contract, with {@code Retry-After} in whole
 * seconds until a request would be accepted.
 */
@Provider
@ApplicationScoped
public class RetryLaterMapper implements ExceptionMapper<RetryLaterException> {

  @Inject ProblemMapper problems;

  @Override
  public Response toResponse(RetryLaterException refusal) {
    return Response.fromResponse(problems.toResponse(refusal))
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(refusal.retryAfterSeconds()))
        .build();
  }
}
