package org.openpleb.ee.web.offer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import org.openpleb.ee.web.auth.CurrentAdmin;
import org.openpleb.ee.web.auth.CurrentSession;

/**
 * The caller of a request as {@link org.openpleb.ee.web.auth.CredentialsFilter} resolved its bearer
 * token: a request whose token does not authenticate never reaches a resource.
 */
@ApplicationScoped
public class Callers {

  @Inject CurrentSession session;

  @Inject CurrentAdmin admin;

  /** Who presents the request's {@code Authorization: Bearer} token, if anyone. */
  public Caller identify(HttpHeaders headers) {
    return new Caller(session.find(), admin.find().isPresent());
  }
}
