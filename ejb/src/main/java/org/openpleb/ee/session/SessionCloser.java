package org.openpleb.ee.session;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Ends one session: marks it CLOSED with its reason and time, and announces {@link SessionClosed}
 * once that has committed. Each call is its own transaction when called from outside one, so a
 * sweep closes sessions one by one and a failure costs only that session.
 */
@Stateless
public class SessionCloser {

  @EJB SessionRepository sessions;

  @Inject Clock clock;

  @Inject Event<SessionTransitions.Pending> transitions;

  /**
   * Closes the session if it is still live. Closing is a compare-and-set on its state, so when two
   * servers race to close the same session only one announces it.
   *
   * @return whether this call closed it
   */
  public boolean close(String sessionId, SessionCloseReason reason) {
    Optional<UserSession> found = sessions.find(sessionId);
    if (found.isEmpty() || found.get().state() != SessionState.LIVE) {
      return false;
    }
    UserSession session = found.get();
    if (!sessions.close(sessionId, reason, OffsetDateTime.now(clock))) {
      return false;
    }
    transitions.fire(
        new SessionTransitions.Pending(
            new SessionClosed(session.id(), session.pubkey(), session.walletId(), reason)));
    return true;
  }
}
