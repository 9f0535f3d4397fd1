package org.openpleb.ee.web.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.openpleb.ee.web.problem.ProblemMapper;

/**
 * Answers an event stream asked for with a bad bearer token with 401 problem+json and the RFC 6750
 * challenge {@code WWW-Authenticate: Bearer realm="openpleb", error="invalid_token"}.
 */
@Provider
@ApplicationScoped
public class StreamUnauthorizedMapper implements ExceptionMapper<StreamUnauthorizedException> {

  static final String CHALLENGE = "Bearer realm=\"openpleb\", error=\"invalid_token\"";

  @Inject ProblemMapper problems;

  @Override
  public Response toResponse(StreamUnauthorizedException refusal) {
    return Response.fromResponse(problems.toResponse(refusal))
        .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
        .build();
  }
}
