package org.openpleb.ee.session;

import java.time.OffsetDateTime;

/**
 * Who a request acts for once its bearer token resolved to a live session. Carries no token.
 *
 * @param sessionId the session
 * @param pubkey the user's x-only public key (hex)
 * @param walletId the session's wallet id
 * @param createdAt when the session was opened
 * @param expiresAt when it ends at the latest
 */
public record SessionPrincipal(
    String sessionId,
    String pubkey,
    String walletId,
    OffsetDateTime createdAt,
    OffsetDateTime expiresAt) {

  /** The principal of a session row. */
  public static SessionPrincipal of(UserSession session) {
    return new SessionPrincipal(
        session.id(),
        session.pubkey(),
        session.walletId(),
        session.createdAt(),
        session.expiresAt());
  }
}
