package org.openpleb.ee.session;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Resolves a presented bearer token to the live session it belongs to. The token is hashed and
 * looked up by its hash; a closed or expired session does not resolve, whether or not the sweep has
 * closed it yet. Activity is recorded at most once per {@code SESSION_TOUCH_INTERVAL}.
 */
@Stateless
public class SessionAuthentication {

  @EJB SessionRepository sessions;

  @Inject SessionConfig config;

  @Inject Clock clock;

  /** The session of {@code token}, if the token is well formed and its session is live now. */
  public Optional<SessionPrincipal> authenticate(String token) {
    if (!SessionToken.isWellFormed(token)) {
      return Optional.empty();
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    Optional<UserSession> session = sessions.findLiveByTokenHash(SessionToken.hashOf(token), now);
    session.ifPresent(
        s -> {
          OffsetDateTime notBefore = now.minus(config.touchInterval());
          // checked in memory first: most requests of a busy session write nothing; the first
          // request after login always writes, so relief knows the session was used
          if (s.lastSeenAt().isBefore(notBefore) || !s.lastSeenAt().isAfter(s.createdAt())) {
            sessions.touch(s.id(), now, notBefore);
          }
        });
    return session.map(SessionPrincipal::of);
  }
}
