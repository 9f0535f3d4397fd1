package org.openpleb.ee.web.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Turns every exception that escapes a request under {@code /api} into a problem response, counts
 * it by code for the operator, and logs unexpected ones with their correlation id and stack trace.
 * It is the one place a problem response gets its {@code Retry-After}: from the domain exception's
 * retry delay, or kept from a framework rejection that had one.
 */
@Provider
@ApplicationScoped
public class ProblemMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  /** Response headers of a framework rejection that stay meaningful on the problem response. */
  private static final List<String> KEPT_HEADERS =
      List.of(HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER);

  static final Metadata API_ERRORS =
      Metadata.builder()
          .withName("openpleb_api_errors")
          .withDescription("Error responses sent by the API, by problem code")
          .withUnit(MetricUnits.NONE)
          .build();

  private final ErrorContract contract = new ErrorContract();

  @Inject MetricRegistry metrics;

  @Context UriInfo uriInfo;

  @Context Request request;

  @Override
  public Response toResponse(Throwable failure) {
    String instance = requestPath();
    Problem problem = contract.problemFor(failure, instance);
    if (problem.correlationId() != null) {
      LOG.log(
          Level.SEVERE,
          "Unexpected failure " + problem.correlationId() + " on " + method() + " " + instance,
          failure);
    } else {
      LOG.log(
          Level.FINE, "Rejected {0} {1}: {2}", new Object[] {method(), instance, problem.code()});
    }
    count(problem);
    return toResponse(problem, failure);
  }

  /**
   * The response for {@code problem}: {@code Retry-After} from a domain refusal's delay, or the
   * rejection's own Allow and Retry-After headers.
   */
  static Response toResponse(Problem problem, Throwable failure) {
    Response.ResponseBuilder response =
        Response.status(problem.status()).type(Problem.MEDIA_TYPE_VALUE).entity(problem);
    OptionalLong retryAfter = ErrorContract.retryAfterSeconds(failure);
    if (retryAfter.isPresent()) {
      response.header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.getAsLong()));
    }
    if (failure instanceof WebApplicationException rejected && rejected.getResponse() != null) {
      for (String header : KEPT_HEADERS) {
        Object value = rejected.getResponse().getHeaderString(header);
        if (value != null) {
          response.header(header, value);
        }
      }
    }
    return response.build();
  }

  private void count(Problem problem) {
    try {
      if (metrics != null) {
        metrics.counter(API_ERRORS, new Tag("code", problem.code())).inc();
      }
    } catch (RuntimeException e) {
      // Metrics must never turn a clean error response into a broken one.
      LOG.log(Level.FINE, "Cannot count API error", e);
    }
  }

  private String requestPath() {
    try {
      return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private String method() {
    try {
      return request == null ? "?" : request.getMethod();
    } catch (RuntimeException e) {
      return "?";
    }
  }
}
