package org.openpleb.ee.web.wallet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.openpleb.ee.wallet.WalletOperationException;
import org.openpleb.ee.web.problem.ProblemMapper;

/**
 * Answers a failed wallet operation through the one error contract and, when the cause is transient
 * (every wallet busy, the mint unreachable, an operation in doubt), adds {@code Retry-After} in
 * seconds.
 */
@Provider
@ApplicationScoped
public class WalletProblemMapper implements ExceptionMapper<WalletOperationException> {

  @Inject ProblemMapper problems;

  @Override
  public Response toResponse(WalletOperationException failure) {
    Response response = problems.toResponse(failure);
    return failure
        .retryAfter()
        .map(
            delay ->
                Response.fromResponse(response)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, delay.toSeconds())))
                    .build())
        .orElse(response);
  }
}
