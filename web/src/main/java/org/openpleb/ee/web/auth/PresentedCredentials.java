package org.openpleb.ee.web.auth;

import java.util.Optional;
import java.util.function.Function;
import org.openpleb.ee.admin.AdminPrincipal;
import org.openpleb.ee.session.SessionPrincipal;

/**
 * What a request's {@code Authorization} header makes of its caller, the one rule every endpoint
 * follows: no header is an anonymous caller; a header that names a live user or admin session is
 * that caller; any other header (another scheme, no token, an unknown, expired or logged-out token)
 * is refused, on public endpoints too, so a client learns at once that its credentials are gone
 * instead of being served the anonymous view.
 */
public sealed interface PresentedCredentials {

  /** No {@code Authorization} header: an anonymous caller. */
  record None() implements PresentedCredentials {}

  /**
   * A live user session's token.
   *
   * @param session the session
   */
  record User(SessionPrincipal session) implements PresentedCredentials {}

  /**
   * A live admin session's token.
   *
   * @param admin the admin session
   */
  record Admin(AdminPrincipal admin) implements PresentedCredentials {}

  /**
   * A header that does not authenticate. Its challenge says {@code error="invalid_token"} whatever
   * was wrong with it: the credentials the caller sent are not valid here.
   *
   * @param detail what the 401 problem tells the caller
   */
  record Refused(String detail) implements PresentedCredentials {}

  /**
   * Judges {@code authorization}, the header's value (null when absent). A token is looked up as a
   * user session first, then as an admin session; the refusal does not say which lookups failed or
   * why, so a caller cannot probe which tokens once existed.
   */
  static PresentedCredentials judge(
      String authorization,
      Function<String, Optional<SessionPrincipal>> users,
      Function<String, Optional<AdminPrincipal>> admins) {
    if (authorization == null) {
      return new None();
    }
    Optional<String> token = BearerCredentials.token(authorization);
    if (token.isEmpty()) {
      return new Refused(
          "The Authorization header is not a bearer token: send Authorization: Bearer <token>,"
              + " or no Authorization header at all for public endpoints");
    }
    Optional<SessionPrincipal> user = users.apply(token.get());
    if (user.isPresent()) {
      return new User(user.get());
    }
    Optional<AdminPrincipal> admin = admins.apply(token.get());
    if (admin.isPresent()) {
      return new Admin(admin.get());
    }
    return new Refused(
        "The bearer token is unknown, logged out or expired; log in again, or send no"
            + " Authorization header for public endpoints");
  }
}
