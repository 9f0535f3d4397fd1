package org.openpleb.ee.web.problem;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.NoContentException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.web.correlation.RequestCorrelation;
import org.openpleb.ee.web.request.BodyLimits;
import org.openpleb.ee.web.request.BodyTooLargeException;

/**
 * Decides what clients see when a request fails: every throwable becomes one {@link Problem}.
 * Domain exceptions keep their code and message; framework rejections (unknown path, wrong method
 * or media type, broken JSON, failed validation) get fixed, honest details; anything else is an
 * INTERNAL_ERROR whose only detail is a fresh correlation id. A domain refusal that may be repeated
 * later also decides the {@code Retry-After} header ({@link #retryAfterSeconds}).
 */
public final class ErrorContract {

  private static final String JACKSON_PROCESSING =
      "com.fasterxml.jackson.core.JsonProcessingException";

  private final Supplier<String> correlationIds;

  /**
   * The contract with the request's own correlation id ({@code X-Request-Id}, on every log line of
   * the request), or a random UUID outside a request.
   */
  public ErrorContract() {
    this(() -> RequestCorrelation.current().orElseGet(() -> UUID.randomUUID().toString()));
  }

  /** The contract with the given source of correlation ids (tests pin them). */
  public ErrorContract(Supplier<String> correlationIds) {
    this.correlationIds = correlationIds;
  }

  /**
   * The problem document for a request to {@code instance} that failed with {@code failure}.
   * INTERNAL_ERROR problems carry a correlation id; the caller must log the failure with it.
   */
  public Problem problemFor(Throwable failure, String instance) {
    Throwable error = unwrapContainer(failure);
    if (error instanceof DomainException domain) {
      return Problem.of(domain.code(), domain.getMessage(), instance);
    }
    if (isReadingWrapper(error)
        && causeOf(error, DomainException.class) instanceof DomainException d) {
      // The strict JSON reader's refusal, wrapped by the REST runtime while reading the entity.
      return Problem.of(d.code(), d.getMessage(), instance);
    }
    if (causeOf(error, BodyTooLargeException.class) instanceof BodyTooLargeException tooLarge) {
      return Problem.of(ProblemCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), instance);
    }
    if (error instanceof ConstraintViolationException violations) {
      return validationProblem(violations, instance);
    }
    if (hasCause(error, NoContentException.class)) {
      return Problem.of(
          ProblemCode.MALFORMED_JSON, "This request needs a JSON body and got none.", instance);
    }
    if (isJsonSyntax(error)) {
      return Problem.of(
          ProblemCode.MALFORMED_JSON,
          "The request body is not valid JSON of the expected shape.",
          instance);
    }
    if (error instanceof WebApplicationException rejected) {
      return frameworkProblem(rejected, instance);
    }
    return Problem.internal(correlationIds.get(), instance);
  }

  /**
   * The {@code Retry-After} value (whole seconds) the response to {@code failure} carries: present
   * when the refusal is a domain exception with a {@link DomainException#retryAfter() retry delay}.
   */
  public static OptionalLong retryAfterSeconds(Throwable failure) {
    if (unwrapContainer(failure) instanceof DomainException domain) {
      Optional<Duration> delay = domain.retryAfter();
      if (delay.isPresent()) {
        return OptionalLong.of(DomainException.retryAfterSeconds(delay.get()));
      }
    }
    return OptionalLong.empty();
  }

  /** What the API answers with, for a client whose Accept header asked for something else. */
  static final String PRODUCED =
      "The API answers application/json (errors application/problem+json, a receipt its image"
          + " type, /api/events text/event-stream).";

  private Problem frameworkProblem(WebApplicationException rejected, String instance) {
    int status = rejected.getResponse() == null ? 500 : rejected.getResponse().getStatus();
    ProblemCode code = ProblemCode.forStatus(status);
    return switch (code) {
      case NOT_FOUND -> Problem.of(code, "There is nothing at this path.", instance);
      case METHOD_NOT_ALLOWED -> Problem.of(code, allowedMethods(rejected), instance);
      case NOT_ACCEPTABLE ->
          Problem.of(
              code,
              "None of the media types in the Accept header can be produced here. " + PRODUCED,
              instance);
      case UNSUPPORTED_MEDIA_TYPE ->
          Problem.of(
              code,
              "The request body's Content-Type is not accepted here. " + BodyLimits.ACCEPTED,
              instance);
      case INTERNAL_ERROR -> Problem.internal(correlationIds.get(), instance);
      default ->
          // Framework messages can quote internals; the status' own title is the safe detail.
          Problem.of(code, code.title() + ".", instance);
    };
  }

  private static String allowedMethods(WebApplicationException rejected) {
    Set<String> allowed =
        rejected instanceof NotAllowedException && rejected.getResponse() != null
            ? new TreeSet<>(rejected.getResponse().getAllowedMethods())
            : Set.of();
    return allowed.isEmpty()
        ? "This resource does not accept the request's HTTP method."
        : "This resource accepts only " + String.join(", ", allowed) + ".";
  }

  private Problem validationProblem(ConstraintViolationException exception, String instance) {
    Set<ConstraintViolation<?>> violations = exception.getConstraintViolations();
    boolean aboutResponse =
        violations != null && violations.stream().anyMatch(v -> isReturnValue(v.getPropertyPath()));
    if (aboutResponse) {
      // Jakarta REST: an invalid return value is the server's fault, not the client's.
      return Problem.internal(correlationIds.get(), instance);
    }
    String detail =
        violations == null || violations.isEmpty()
            ? "The request breaks a validation rule."
            : violations.stream()
                .map(v -> leafName(v.getPropertyPath()) + ": " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
    return Problem.of(ProblemCode.VALIDATION_FAILED, detail, instance);
  }

  private static boolean isReturnValue(Path path) {
    if (path != null) {
      for (Path.Node node : path) {
        if (node.getKind() == ElementKind.RETURN_VALUE) {
          return true;
        }
      }
    }
    return false;
  }

  /** The field the client named ({@code fiatAmount}), not the Java call path to it. */
  private static String leafName(Path path) {
    String leaf = "request";
    if (path != null) {
      for (Path.Node node : path) {
        if (node.getName() != null
            && node.getKind() != ElementKind.METHOD
            && node.getKind() != ElementKind.PARAMETER) {
          leaf = node.getName();
        }
      }
    }
    return leaf;
  }

  /** EJB containers wrap system exceptions; the cause is what the request actually hit. */
  private static Throwable unwrapContainer(Throwable failure) {
    Throwable error = failure;
    while (error instanceof EJBException ejb && ejb.getCause() != null) {
      error = ejb.getCause();
    }
    return error;
  }

  /** JSON-B, JSON-P or Jackson rejected the body, possibly wrapped by the REST runtime. */
  private static boolean isJsonSyntax(Throwable error) {
    boolean wrapper =
        error instanceof ProcessingException || error instanceof WebApplicationException;
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      boolean json =
          t instanceof JsonbException
              || t instanceof JsonParsingException
              || isJackson(t.getClass());
      if (json && (t == error || wrapper)) {
        return true;
      }
    }
    return false;
  }

  /** By name, because Jackson is the runtime's library, not an API this module compiles against. */
  private static boolean isJackson(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.getName().equals(JACKSON_PROCESSING)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isReadingWrapper(Throwable error) {
    return error instanceof ProcessingException || error instanceof WebApplicationException;
  }

  /** The first throwable of {@code type} in the cause chain of {@code error}, or null. */
  private static Throwable causeOf(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
    }
    return null;
  }

  private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
