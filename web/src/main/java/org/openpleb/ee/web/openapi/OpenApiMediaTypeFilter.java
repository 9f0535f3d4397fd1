package org.openpleb.ee.web.openapi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Serves the OpenAPI document as JSON or YAML by {@code Accept}. The runtime's own {@code /openapi}
 * endpoint (in this application's context) knows only JSON and YAML labelled {@code text/plain}:
 * this filter asks it for the format the client prefers and labels YAML {@code application/yaml}
 * (RFC 9512). {@code application/json} gets JSON; {@code application/yaml}, no {@code Accept} or a
 * wildcard gets YAML; an {@code Accept} that allows neither is left to the endpoint, which refuses
 * it with 406.
 */
@WebFilter(
    filterName = "OpenApiMediaTypeFilter",
    urlPatterns = {"/openapi", "/openapi/*"},
    asyncSupported = true)
public class OpenApiMediaTypeFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The YAML media type this server labels the document with. */
  public static final String YAML = "application/yaml";

  /** What the runtime's endpoint calls YAML. */
  private static final String RUNTIME_YAML = "text/plain";

  private static final List<String> YAML_TYPES =
      List.of(YAML, "application/x-yaml", "text/yaml", "text/x-yaml", RUNTIME_YAML);

  /** The document formats a client can ask for. */
  enum Format {
    JSON,
    YAML
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<Format> format = negotiate(request.getHeader("Accept"));
    if (format.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    if (format.get() == Format.JSON) {
      chain.doFilter(new AcceptOverride(request, "application/json"), response);
    } else {
      chain.doFilter(new AcceptOverride(request, RUNTIME_YAML), new YamlLabel(response));
    }
  }

  /**
   * The format an {@code Accept} header prefers: each candidate gets the quality of the most
   * specific range that matches it; JSON only when it is preferred outright, YAML on a tie (the
   * default), nothing when the header allows neither.
   */
  static Optional<Format> negotiate(String accept) {
    if (accept == null || accept.isBlank()) {
      return Optional.of(Format.YAML);
    }
    double json = quality(accept, List.of("application/json"));
    double yaml = quality(accept, YAML_TYPES);
    if (json <= 0 && yaml <= 0) {
      return Optional.empty();
    }
    return Optional.of(json > yaml ? Format.JSON : Format.YAML);
  }

  /** The quality the header gives the best of {@code types}, by the most specific match each. */
  private static double quality(String accept, List<String> types) {
    double best = 0;
    for (String type : types) {
      int specificity = -1;
      double q = 0;
      for (String element : accept.split(",")) {
        String[] parts = element.split(";");
        String range = parts[0].strip().toLowerCase(Locale.ROOT);
        int match = specificity(range, type);
        if (match > specificity) {
          specificity = match;
          q = qualityParameter(parts);
        }
      }
      best = Math.max(best, q);
    }
    return best;
  }

  /** 2 for an exact match, 1 for {@code type/*}, 0 for {@code * /*}, -1 for none. */
  private static int specificity(String range, String type) {
    if (range.equals(type)) {
      return 2;
    }
    if (range.endsWith("/*") && type.startsWith(range.substring(0, range.length() - 1))) {
      return 1;
    }
    return range.equals("*/*") || range.equals("*") ? 0 : -1;
  }

  private static double qualityParameter(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip();
      if (parameter.toLowerCase(Locale.ROOT).startsWith("q=")) {
        try {
          return Math.max(0, Math.min(1, Double.parseDouble(parameter.substring(2).strip())));
        } catch (NumberFormatException malformed) {
          return 0;
        }
      }
    }
    return 1;
  }

  /** The request as the endpoint should see it: asking for exactly one media type. */
  private static final class AcceptOverride extends HttpServletRequestWrapper {

    private final String accept;

    AcceptOverride(HttpServletRequest request, String accept) {
      super(request);
      this.accept = accept;
    }

    @Override
    public String getHeader(String name) {
      return "Accept".equalsIgnoreCase(name) ? accept : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return "Accept".equalsIgnoreCase(name)
          ? Collections.enumeration(List.of(accept))
          : super.getHeaders(name);
    }
  }

  /** The response with the runtime's {@code text/plain} relabelled as YAML. */
  private static final class YamlLabel extends HttpServletResponseWrapper {

    YamlLabel(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setContentType(String type) {
      super.setContentType(relabel(type));
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, "Content-Type".equalsIgnoreCase(name) ? relabel(value) : value);
    }

    @Override
    public void addHeader(String name, String value) {
      super.addHeader(name, "Content-Type".equalsIgnoreCase(name) ? relabel(value) : value);
    }

    private static String relabel(String type) {
      if (type != null && type.toLowerCase(Locale.ROOT).startsWith(RUNTIME_YAML)) {
        return YAML + ";charset=UTF-8";
      }
      return type;
    }
  }
}
