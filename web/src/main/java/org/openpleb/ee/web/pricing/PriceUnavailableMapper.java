package org.openpleb.ee.web.pricing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.openpleb.ee.pricing.PriceUnavailableException;
import org.openpleb.ee.web.problem.ProblemMapper;

/**
 * Answers a request that needed a price while none is fresh enough (offer creation, the current
 * price) with 503 PRICE_UNAVAILABLE through the one error contract, plus {@code Retry-After}: when
 * the feed will be asked again.
 */
@Provider
@ApplicationScoped
public class PriceUnavailableMapper implements ExceptionMapper<PriceUnavailableException> {

  @Inject ProblemMapper problems;

  @Override
  public Response toResponse(PriceUnavailableException unavailable) {
    return Response.fromResponse(problems.toResponse(unavailable))
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(unavailable.retryAfter().toSeconds()))
        .build();
  }
}
