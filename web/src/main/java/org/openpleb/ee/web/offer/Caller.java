package org.openpleb.ee.web.offer;

import java.util.Optional;
import org.openpleb.ee.session.SessionPrincipal;

/**
 * Who calls a read that anyone may make but that shows more to some: a user session (a party sees
 * the whole offer), the admin, or nobody (no Authorization header; a token that resolves to neither
 * is refused before any resource runs).
 *
 * @param session the user session of the bearer token, if it is one
 * @param admin whether the bearer token is a live admin session's
 */
public record Caller(Optional<SessionPrincipal> session, boolean admin) {

  /** The caller's key, if a user session calls. */
  public Optional<String> pubkey() {
    return session.map(SessionPrincipal::pubkey);
  }
}
