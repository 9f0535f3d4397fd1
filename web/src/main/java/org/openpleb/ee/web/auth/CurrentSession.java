package org.openpleb.ee.web.auth;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.openpleb.ee.session.SessionPrincipal;

/** The user session the current request acts for, set by {@link CredentialsFilter}. */
@RequestScoped
public class CurrentSession {

  private SessionPrincipal principal;

  void set(SessionPrincipal principal) {
    this.principal = principal;
  }

  /**
   * The session of this request.
   *
   * @throws IllegalStateException on a method not marked {@link Authenticated}, a programming error
   */
  public SessionPrincipal principal() {
    if (principal == null) {
      throw new IllegalStateException("no session: the resource method lacks @Authenticated");
    }
    return principal;
  }

  /** The session, if the request was authenticated. */
  public Optional<SessionPrincipal> find() {
    return Optional.ofNullable(principal);
  }
}
