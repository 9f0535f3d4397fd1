package org.openpleb.ee.web.correlation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives every request its correlation id ({@link RequestCorrelation}): answered in {@code
 * X-Request-Id} and carried by the handling thread, so every line logged for the request names it.
 * Declared in web.xml rather than by annotation, so that it runs before every other filter; with
 * asynchronous support, which the event streams behind it need.
 */
public class CorrelationFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String id = RequestCorrelation.choose(request.getHeader(RequestCorrelation.HEADER));
    response.setHeader(RequestCorrelation.HEADER, id);
    try (RequestCorrelation.Scope scope = RequestCorrelation.enter(id)) {
      chain.doFilter(request, response);
    }
  }
}
