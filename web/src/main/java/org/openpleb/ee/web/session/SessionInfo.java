package org.openpleb.ee.web.session;

import java.time.OffsetDateTime;
import org.openpleb.ee.session.SessionPrincipal;

/**
 * The caller's session as the caller may see it; never the token.
 *
 * @param sessionId the session id
 * @param pubkey the user's x-only public key
 * @param createdAt when the session was opened
 * @param expiresAt when it ends at the latest
 */
public record SessionInfo(
    String sessionId, String pubkey, OffsetDateTime createdAt, OffsetDateTime expiresAt) {

  static SessionInfo of(SessionPrincipal principal) {
    return new SessionInfo(
        principal.sessionId(), principal.pubkey(), principal.createdAt(), principal.expiresAt());
  }
}
