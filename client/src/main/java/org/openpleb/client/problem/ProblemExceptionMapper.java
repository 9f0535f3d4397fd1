package org.openpleb.client.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns every error answer (status 400 and above) into a {@link ProblemException}: the problem
 * document's fields when the answer is {@code application/problem+json}, only the status otherwise.
 * It replaces the Rest Client's default mapper, so callers catch one exception type.
 */
public class ProblemExceptionMapper implements ResponseExceptionMapper<ProblemException> {

  /** The media type of the server's error answers. */
  public static final String PROBLEM_JSON = "application/problem+json";

  // A problem document is small; a larger error body is not read whole.
  private static final int MAX_PROBLEM_CHARS = 64 * 1024;

  private static final Jsonb JSON = JsonbBuilder.create();

  @Override
  public boolean handles(int status, MultivaluedMap<String, Object> headers) {
    return status >= 400;
  }

  @Override
  public ProblemException toThrowable(Response response) {
    return new ProblemException(
        response.getStatus(),
        problemOf(response),
        retryAfter(response.getHeaderString(HttpHeaders.RETRY_AFTER)));
  }

  @Override
  public int getPriority() {
    // before the implementation's default mapper, should it be left on
    return 100;
  }

  private static Problem problemOf(Response response) {
    MediaType type = response.getMediaType();
    if (type == null || !PROBLEM_JSON.equals(type.getType() + "/" + type.getSubtype())) {
      return null;
    }
    try {
      String text = response.readEntity(String.class);
      if (text == null || text.length() > MAX_PROBLEM_CHARS) {
        return null;
      }
      return JSON.fromJson(text, Problem.class);
    } catch (JsonbException | ProcessingException | IllegalStateException unreadable) {
      // an unreadable problem document still reports the status
      return null;
    }
  }

  /** A {@code Retry-After} of delay-seconds or an HTTP date, as a delay from now. */
  static Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.trim();
    try {
      long seconds = Long.parseLong(text);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Duration left =
            Duration.between(
                ZonedDateTime.now(),
                ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
        return left.isNegative() ? Duration.ZERO : left;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }
}
