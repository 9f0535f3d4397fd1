package org.openpleb.ee.web.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.web.problem.Problem;

/**
 * Reads the RFC 6750 bearer token of a request and builds the refusals the auth filters send:
 * problem+json with a {@code WWW-Authenticate: Bearer} challenge on 401. The token reading is
 * public because the event stream, which authenticates in its resource, reads tokens the same way.
 */
public final class BearerCredentials {

  static final String REALM = "openpleb";

  private static final String SCHEME = "bearer ";

  private BearerCredentials() {}

  /**
   * The token of an {@code Authorization: Bearer <token>} header (scheme in any case), or empty
   * when the header is missing, has another scheme or no token.
   */
  public static Optional<String> token(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    String header = authorization.trim();
    if (header.length() <= SCHEME.length()
        || !header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      return Optional.empty();
    }
    String token = header.substring(SCHEME.length()).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  /** The token the request presents, if any. */
  static Optional<String> token(ContainerRequestContext request) {
    return token(request.getHeaderString(HttpHeaders.AUTHORIZATION));
  }

  /**
   * A 401 refusal. With a token presented the challenge says {@code error="invalid_token"}, as RFC
   * 6750 asks; without one it names only the scheme and realm.
   */
  static Response unauthorized(String detail, String instance, boolean tokenPresented) {
    String challenge =
        "Bearer realm=\"" + REALM + "\"" + (tokenPresented ? ", error=\"invalid_token\"" : "");
    return Response.status(ProblemCode.UNAUTHORIZED.status())
        .type(Problem.MEDIA_TYPE_VALUE)
        .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
        .entity(Problem.of(ProblemCode.UNAUTHORIZED, detail, instance))
        .build();
  }

  /** A 403 refusal: the caller is authenticated, but not for this. */
  static Response forbidden(String detail, String instance) {
    return Response.status(ProblemCode.FORBIDDEN.status())
        .type(Problem.MEDIA_TYPE_VALUE)
        .entity(Problem.of(ProblemCode.FORBIDDEN, detail, instance))
        .build();
  }

  static String instance(ContainerRequestContext request) {
    return request.getUriInfo().getRequestUri().getRawPath();
  }
}
