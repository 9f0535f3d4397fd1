package org.openpleb.ee.web.auth;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.openpleb.ee.session.SessionAuthentication;
import org.openpleb.ee.session.SessionPrincipal;

/**
 * Lets a request reach an {@link Authenticated} method only with the bearer token of a live user
 * session (not logged out, not expired), and hands that session to the method through {@link
 * CurrentSession}. Anything else gets 401 problem+json with {@code WWW-Authenticate: Bearer}; the
 * reason is not told apart, so a caller cannot probe which tokens once existed.
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class BearerAuthFilter implements ContainerRequestFilter {

  @EJB SessionAuthentication authentication;

  @Inject CurrentSession current;

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<String> token = BearerCredentials.token(request);
    if (token.isEmpty()) {
      request.abortWith(
          BearerCredentials.unauthorized(
              "This needs a session: send Authorization: Bearer <token> from POST /api/sessions",
              BearerCredentials.instance(request),
              false));
      return;
    }
    Optional<SessionPrincipal> session = authentication.authenticate(token.get());
    if (session.isEmpty()) {
      request.abortWith(
          BearerCredentials.unauthorized(
              "The session token is unknown, logged out or expired; log in again",
              BearerCredentials.instance(request),
              true));
      return;
    }
    current.set(session.get());
  }
}
