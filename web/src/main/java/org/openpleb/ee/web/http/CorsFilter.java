package org.openpleb.ee.web.http;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.openpleb.ee.platform.CorsConfig;

/**
 * CORS for the configured origins ({@code OPENPLEB_CORS_ORIGINS}): answers a preflight from an
 * allowed origin itself with 204, and marks every other response to an allowed origin so the
 * browser hands it to the page. A servlet filter, not a JAX-RS one, so responses written before or
 * outside the REST runtime (refused paths, error pages, the OpenAPI document) carry the headers
 * too. With no origin configured it adds nothing.
 */
@WebFilter(
    filterName = "CorsFilter",
    urlPatterns = {"/api/*", "/openapi", "/openapi/*"},
    asyncSupported = true)
public class CorsFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject transient CorsConfig config;

  private transient CorsPolicy policy;

  @Override
  public void init() throws ServletException {
    policy = new CorsPolicy(config.origins());
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String origin = request.getHeader("Origin");
    if (policy.origins().isEmpty() || origin == null) {
      chain.doFilter(request, response);
      return;
    }
    if (CorsPolicy.isPreflight(
        request.getMethod(), origin, request.getHeader("Access-Control-Request-Method"))) {
      Optional<Map<String, String>> preflight = policy.preflight(origin);
      if (preflight.isPresent()) {
        preflight.get().forEach((name, value) -> write(response, name, value));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        return;
      }
    }
    policy.response(origin).forEach((name, value) -> write(response, name, value));
    chain.doFilter(request, response);
  }

  /** {@code Vary} is added to, since the REST runtime may vary the answer on more than Origin. */
  private static void write(HttpServletResponse response, String name, String value) {
    if (name.equals("Vary")) {
      response.addHeader(name, value);
    } else {
      response.setHeader(name, value);
    }
  }
}
