package org.openpleb.ee.web.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.openpleb.ee.session.LoginRefusedException;
import org.openpleb.ee.web.problem.ProblemMapper;

/**
 * Answers a refused login through the one error contract and, when the server refused for capacity
 * (session limit or EMERGENCY), adds {@code Retry-After} in seconds.
 */
@Provider
@ApplicationScoped
public class LoginRefusedMapper implements ExceptionMapper<LoginRefusedException> {

  @Inject ProblemMapper problems;

  @Override
  public Response toResponse(LoginRefusedException refusal) {
    Response response = problems.toResponse(refusal);
    return refusal
        .retryAfter()
        .map(
            delay ->
                Response.fromResponse(response)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, delay.toSeconds())))
                    .build())
        .orElse(response);
  }
}
