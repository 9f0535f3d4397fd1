package org.openpleb.ee.web.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openpleb.ee.web.correlation.RequestCorrelation;

/**
 * Which cross-origin browser requests the API admits, and the CORS headers that say so: only the
 * configured origins, each named back exactly (never {@code *}), with no credentials mode (the API
 * authenticates with a bearer token the page sends itself, not with cookies).
 *
 * @param origins the exact origins allowed; empty means no CORS header is ever written
 */
public record CorsPolicy(Set<String> origins) {

  /** The header that carries a request's correlation id, both ways. */
  public static final String CORRELATION_ID = RequestCorrelation.HEADER;

  /** The methods the API's operations use. */
  static final String METHODS = "GET, POST, DELETE, OPTIONS";

  /** The request headers a page may send beyond the CORS-safelisted ones. */
  static final String REQUEST_HEADERS =
      "Authorization, Content-Type, " + IdempotentReplies.HEADER + ", " + CORRELATION_ID;

  /** The response headers a page may read beyond the CORS-safelisted ones. */
  static final String EXPOSED_HEADERS =
      "Location, Retry-After, WWW-Authenticate, "
          + IdempotentReplies.REPLAYED
          + ", "
          + CORRELATION_ID;

  /** How long a browser may reuse a preflight answer, in seconds. */
  static final String MAX_AGE = "600";

  /** The policy with a defensive copy of {@code origins}. */
  public CorsPolicy {
    origins = Set.copyOf(origins);
  }

  /** Whether this request is a CORS preflight: {@code OPTIONS} with the method it asks about. */
  public static boolean isPreflight(String method, String origin, String requestedMethod) {
    return "OPTIONS".equalsIgnoreCase(method) && origin != null && requestedMethod != null;
  }

  /**
   * The headers of the answer to a preflight from {@code origin}, or empty when the origin is not
   * allowed (the browser then refuses the request itself).
   */
  public Optional<Map<String, String>> preflight(String origin) {
    if (!allows(origin)) {
      return Optional.empty();
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Access-Control-Allow-Origin", origin);
    headers.put("Access-Control-Allow-Methods", METHODS);
    headers.put("Access-Control-Allow-Headers", REQUEST_HEADERS);
    headers.put("Access-Control-Max-Age", MAX_AGE);
    headers.put("Vary", "Origin");
    return Optional.of(headers);
  }

  /** The headers an actual response to {@code origin} carries; none for a foreign origin. */
  public Map<String, String> response(String origin) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (!origins.isEmpty() && origin != null) {
      // Whether the answer names the origin depends on it: a shared cache must key on it.
      headers.put("Vary", "Origin");
    }
    if (allows(origin)) {
      headers.put("Access-Control-Allow-Origin", origin);
      headers.put("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    }
    return headers;
  }

  /** Whether {@code origin} (as the browser sent it) is one of the configured origins. */
  public boolean allows(String origin) {
    return origin != null && origins.contains(origin);
  }
}
