package org.openpleb.ee.web.offer;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;
import java.util.Optional;
import org.openpleb.ee.admin.AdminLogin;
import org.openpleb.ee.session.SessionAuthentication;
import org.openpleb.ee.session.SessionPrincipal;

/** Resolves the optional bearer token of a request to a {@link Caller}. */
@ApplicationScoped
public class Callers {

  private static final String SCHEME = "bearer ";

  @EJB SessionAuthentication users;

  @EJB AdminLogin admins;

  /** Who presents the request's {@code Authorization: Bearer} token, if anyone. */
  public Caller identify(HttpHeaders headers) {
    Optional<String> token = token(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (token.isEmpty()) {
      return new Caller(Optional.empty(), false);
    }
    Optional<SessionPrincipal> session = users.authenticate(token.get());
    if (session.isPresent()) {
      return new Caller(session, false);
    }
    return new Caller(Optional.empty(), admins.authenticate(token.get()).isPresent());
  }

  static Optional<String> token(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String h = header.trim();
    if (h.length() <= SCHEME.length()
        || !h.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      return Optional.empty();
    }
    String token = h.substring(SCHEME.length()).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
