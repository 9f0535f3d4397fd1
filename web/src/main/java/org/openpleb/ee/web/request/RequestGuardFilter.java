package org.openpleb.ee.web.request;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.web.problem.Problem;
import org.openpleb.ee.web.problem.ServletProblems;

/**
 * The first look at every request, before the REST runtime parses anything: a raw path that
 * smuggles a NUL, a control character, a backslash or an encoded slash, dot or backslash (the
 * makings of {@code ..%2F} traversal) is refused with 400, and a Content-Type header that is empty
 * or not {@code type/subtype} with parameters with 415 naming what is accepted. Both as problem
 * documents; neither is an unexpected failure, so nothing is logged.
 *
 * <p>Declared in {@code web.xml}, right after the correlation filter, so that it runs before every
 * annotated filter; with asynchronous support, since the event streams run behind it.
 */
public class RequestGuardFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

  private static final Pattern PARAMETER =
      Pattern.compile(TOKEN + "=(" + TOKEN + "|\"([^\"\\\\\\p{Cntrl}]|\\\\[^\\p{Cntrl}])*\")");

  private static final Pattern MEDIA_TYPE = Pattern.compile(TOKEN + "/" + TOKEN);

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<String> refusal =
        pathRefusal(request.getRequestURI()).or(() -> queryRefusal(request.getQueryString()));
    if (refusal.isPresent()) {
      ServletProblems.send(response, Problem.of(ProblemCode.BAD_REQUEST, refusal.get(), null));
      return;
    }
    String contentType = request.getHeader("Content-Type");
    if (contentType != null && !isWellFormedMediaType(contentType)) {
      ServletProblems.send(
          response,
          Problem.of(
              ProblemCode.UNSUPPORTED_MEDIA_TYPE,
              "The Content-Type header is empty or malformed. " + BodyLimits.ACCEPTED,
              request.getRequestURI()));
      return;
    }
    chain.doFilter(request, response);
  }

  /** Why the raw (still percent-encoded) request path is refused, if it is. */
  static Optional<String> pathRefusal(String rawPath) {
    if (rawPath == null) {
      return Optional.empty();
    }
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return Optional.of("The request path contains a control character.");
      }
      if (c == '\\') {
        return Optional.of("The request path contains a backslash.");
      }
    }
    String lower = rawPath.toLowerCase(Locale.ROOT);
    if (lower.matches(".*%(0[0-9a-f]|1[0-9a-f]|7f).*")) {
      return Optional.of("The request path contains an encoded control character.");
    }
    if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e")) {
      return Optional.of("The request path contains an encoded slash, backslash or dot.");
    }
    for (String segment : rawPath.split("/", -1)) {
      if (segment.equals("..") || segment.equals(".")) {
        return Optional.of("The request path contains a dot segment.");
      }
    }
    return Optional.empty();
  }

  /**
   * Why the raw query string is refused, if it is: a {@code %} not followed by two hex digits is no
   * URI (RFC 3986), and a parameter decoded from it would mean whatever the decoder guessed.
   */
  static Optional<String> queryRefusal(String rawQuery) {
    if (rawQuery == null) {
      return Optional.empty();
    }
    for (int i = rawQuery.indexOf('%'); i >= 0; i = rawQuery.indexOf('%', i + 1)) {
      if (i + 2 >= rawQuery.length()
          || Character.digit(rawQuery.charAt(i + 1), 16) < 0
          || Character.digit(rawQuery.charAt(i + 2), 16) < 0) {
        return Optional.of("The query string contains a malformed percent escape.");
      }
    }
    return Optional.empty();
  }

  /** Whether a Content-Type header is {@code type/subtype} followed by {@code ;name=value}s. */
  static boolean isWellFormedMediaType(String header) {
    String[] parts = header.split(";", -1);
    if (!MEDIA_TYPE.matcher(parts[0].strip()).matches()) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip();
      if (!parameter.isEmpty() && !PARAMETER.matcher(parameter).matches()) {
        return false;
      }
    }
    return true;
  }
}
