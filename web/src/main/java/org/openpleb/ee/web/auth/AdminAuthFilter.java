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
import org.openpleb.ee.admin.AdminLogin;
import org.openpleb.ee.admin.AdminPrincipal;
import org.openpleb.ee.session.SessionAuthentication;

/**
 * Guards the admin API: an {@link AdminOnly} method runs only with the bearer token of a live admin
 * session, handed to it through {@link CurrentAdmin}. A user session's token gets 403 (the caller
 * is known but not an admin); no token or an unknown one gets 401 with {@code WWW-Authenticate}.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHORIZATION)
@ApplicationScoped
public class AdminAuthFilter implements ContainerRequestFilter {

  @EJB AdminLogin admins;

  @EJB SessionAuthentication users;

  @Inject CurrentAdmin current;

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<String> token = BearerCredentials.token(request);
    String instance = BearerCredentials.instance(request);
    if (token.isEmpty()) {
      request.abortWith(
          BearerCredentials.unauthorized(
              "This needs an admin session: send Authorization: Bearer <token> from"
                  + " POST /api/admin/sessions",
              instance,
              false));
      return;
    }
    Optional<AdminPrincipal> admin = admins.authenticate(token.get());
    if (admin.isPresent()) {
      current.set(admin.get());
      return;
    }
    if (users.authenticate(token.get()).isPresent()) {
      request.abortWith(BearerCredentials.forbidden("Only an admin may do this", instance));
      return;
    }
    request.abortWith(
        BearerCredentials.unauthorized(
            "The admin token is unknown, logged out or expired; log in again", instance, true));
  }
}
