package org.openpleb.ee.web.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import org.openpleb.ee.platform.ProblemCode;

/**
 * An RFC 9457 problem document as clients receive it, extended with the stable {@code code} they
 * branch on and, for unexpected failures, the {@code correlationId} that finds the server log.
 *
 * @param type a URI naming the problem type, derived from the code
 * @param title the code's fixed human summary
 * @param status the HTTP status
 * @param detail what went wrong with this request, safe to show (no secrets, no stack traces)
 * @param instance the request path that failed
 * @param code the stable code, e.g. {@code NOT_FOUND}
 * @param correlationId present only on INTERNAL_ERROR: the id logged with the stack trace
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "code", "correlationId"})
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String code,
    String correlationId) {

  /** The media type of every error response. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** {@link #MEDIA_TYPE} as a JAX-RS media type. */
  public static final MediaType MEDIA_TYPE_VALUE = new MediaType("application", "problem+json");

  /** A problem of {@code code} for the request at {@code instance}. */
  public static Problem of(ProblemCode code, String detail, String instance) {
    return new Problem(
        code.type(), code.title(), code.status(), detail, instance, code.name(), null);
  }

  /** An unexpected failure, identified for the operator by {@code correlationId}. */
  public static Problem internal(String correlationId, String instance) {
    ProblemCode code = ProblemCode.INTERNAL_ERROR;
    return new Problem(
        code.type(),
        code.title(),
        code.status(),
        "The server failed unexpectedly. Quote correlation id "
            + correlationId
            + " when reporting it.",
        instance,
        code.name(),
        correlationId);
  }
}
