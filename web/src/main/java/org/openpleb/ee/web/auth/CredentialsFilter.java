package org.openpleb.ee.web.auth;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.openpleb.ee.admin.AdminLogin;
import org.openpleb.ee.session.SessionAuthentication;

/**
 * Applies {@link PresentedCredentials} to every API request, public endpoints included: a request
 * that sends an {@code Authorization} header that does not authenticate gets 401 problem+json with
 * {@code WWW-Authenticate: Bearer}; one that authenticates publishes its caller in {@link
 * CurrentSession} or {@link CurrentAdmin}, where {@link BearerAuthFilter}, {@link AdminAuthFilter}
 * and the resources that show more to some callers read it, so a token is looked up once per
 * request. It runs after the rate limits, so a flood of guessed tokens costs no lookup beyond them.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 50)
@ApplicationScoped
public class CredentialsFilter implements ContainerRequestFilter {

  @EJB SessionAuthentication users;

  @EJB AdminLogin admins;

  @Inject CurrentSession session;

  @Inject CurrentAdmin admin;

  @Override
  public void filter(ContainerRequestContext request) {
    PresentedCredentials presented =
        PresentedCredentials.judge(
            request.getHeaderString(HttpHeaders.AUTHORIZATION),
            users::authenticate,
            admins::authenticate);
    if (presented instanceof PresentedCredentials.User user) {
      session.set(user.session());
    } else if (presented instanceof PresentedCredentials.Admin known) {
      admin.set(known.admin());
    } else if (presented instanceof PresentedCredentials.Refused refused) {
      request.abortWith(
          BearerCredentials.unauthorized(
              refused.detail(), BearerCredentials.instance(request), true));
    }
    // None: anonymous; public endpoints serve it, guarded ones refuse it in their own filter
  }
}
