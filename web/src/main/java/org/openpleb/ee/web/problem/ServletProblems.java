package org.openpleb.ee.web.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link Problem} straight to a servlet response, for failures the REST runtime never sees
 * (malformed URIs and headers, errors of the servlet container). Resets whatever the container had
 * put in the response, so neither its error page nor its banner goes out.
 */
public final class ServletProblems {

  private ServletProblems() {}

  /** Sends {@code problem} as the whole response, unless the response is already committed. */
  public static void send(HttpServletResponse response, Problem problem) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.reset();
    response.setStatus(problem.status());
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    byte[] body = json(problem).getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }

  /** The problem as JSON, fields in the same order the REST responses use. */
  static String json(Problem problem) {
    StringBuilder out = new StringBuilder(256).append('{');
    field(out, "type", problem.type()).append(',');
    field(out, "title", problem.title()).append(',');
    out.append("\"status\":").append(problem.status());
    if (problem.detail() != null) {
      field(out.append(','), "detail", problem.detail());
    }
    if (problem.instance() != null) {
      field(out.append(','), "instance", problem.instance());
    }
    field(out.append(','), "code", problem.code());
    if (problem.correlationId() != null) {
      field(out.append(','), "correlationId", problem.correlationId());
    }
    return out.append('}').toString();
  }

  private static StringBuilder field(StringBuilder out, String name, String value) {
    out.append('"').append(name).append("\":\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == '<' || c == '>') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }
}
