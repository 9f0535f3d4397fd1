package org.openpleb.ee.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers for the web app's pages and static files (everything outside {@code /api} and
 * {@code /openapi}, which keep their own headers): scripts, styles and connections only from this
 * origin, so an injected inline script never runs; images also from {@code data:} and {@code blob:}
 * URLs, which the QR code renderer produces; no framing, no MIME sniffing, no referrer.
 */
@WebFilter(filterName = "PageHeadersFilter", urlPatterns = "/*", asyncSupported = true)
public class PageHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The policy of every page. */
  static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
          + " connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (isPage(request.getRequestURI().substring(request.getContextPath().length()))) {
      response.setHeader("Content-Security-Policy", POLICY);
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("Referrer-Policy", "no-referrer");
      response.setHeader("X-Frame-Options", "DENY");
    }
    chain.doFilter(request, response);
  }

  /** Whether a path inside the application is the web app's, not the API's. */
  static boolean isPage(String path) {
    return !(path.equals("/api")
        || path.startsWith("/api/")
        || path.equals("/openapi")
        || path.startsWith("/openapi/"));
  }
}
