package org.openpleb.ee.web.auth;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Lets a request reach an {@link Authenticated} method only with the bearer token of a live user
 * session (not logged out, not expired), which {@link CredentialsFilter} has resolved into {@link
 * CurrentSession} before; the method reads it there. Anything else gets 401 problem+json with
 * {@code WWW-Authenticate: Bearer}: no header, or an admin's token, which names no user. A token
 * that does not authenticate at all never gets here: {@link CredentialsFilter} refuses it on every
 * endpoint alike.
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class BearerAuthFilter implements ContainerRequestFilter {

  @Inject CurrentSession current;

  @Override
  public void filter(ContainerRequestContext request) {
    if (current.find().isPresent()) {
      return;
    }
    boolean tokenPresented = BearerCredentials.token(request).isPresent();
    request.abortWith(
        BearerCredentials.unauthorized(
            tokenPresented
                ? "This needs a user session's token, not an admin's: log in with POST"
                    + " /api/sessions"
                : "This needs a session: send Authorization: Bearer <token> from POST"
                    + " /api/sessions",
            BearerCredentials.instance(request),
            tokenPresented));
  }
}
