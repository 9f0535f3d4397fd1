package org.openpleb.ee.web.auth;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Guards the admin API: an {@link AdminOnly} method runs only with the bearer token of a live admin
 * session, which {@link CredentialsFilter} has resolved into {@link CurrentAdmin} before; the
 * method reads it there. A user session's token gets 403 (the caller is known but not an admin); no
 * token gets 401 with {@code WWW-Authenticate}, and so does a token that does not authenticate,
 * already in {@link CredentialsFilter}.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHORIZATION)
@ApplicationScoped
public class AdminAuthFilter implements ContainerRequestFilter {

  @Inject CurrentAdmin current;

  @Inject CurrentSession users;

  @Override
  public void filter(ContainerRequestContext request) {
    if (current.find().isPresent()) {
      return;
    }
    String instance = BearerCredentials.instance(request);
    if (users.find().isPresent()) {
      request.abortWith(BearerCredentials.forbidden("Only an admin may do this", instance));
      return;
    }
    boolean tokenPresented = BearerCredentials.token(request).isPresent();
    request.abortWith(
        BearerCredentials.unauthorized(
            tokenPresented
                ? "The admin token is unknown, logged out or expired; log in again"
                : "This needs an admin session: send Authorization: Bearer <token> from"
                    + " POST /api/admin/sessions",
            instance,
            tokenPresented));
  }
}
