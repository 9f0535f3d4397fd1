package org.openpleb.ee.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes session openings and closings once they are committed: the services fire a pending
 * notice inside their transaction, and this bean turns it into the public {@link SessionOpened} or
 * {@link SessionClosed} event after a successful commit (and drops it after a rollback). Observers
 * of the public events therefore never see a change that did not happen.
 */
@ApplicationScoped
public class SessionTransitions {

  private static final Logger LOG = Logger.getLogger(SessionTransitions.class.getName());

  /** A session change waiting for its transaction to commit. */
  record Pending(Object event) {}

  @Inject Event<SessionOpened> opened;

  @Inject Event<SessionClosed> closed;

  @Inject SessionMetrics metrics;

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Pending pending) {
    try {
      if (pending.event() instanceof SessionOpened event) {
        metrics.created();
        LOG.log(
            Level.INFO,
            "Session {0} opened until {1}",
            new Object[] {event.sessionId(), event.expiresAt()});
        opened.fire(event);
      } else if (pending.event() instanceof SessionClosed event) {
        metrics.closed(event.reason());
        LOG.log(
            Level.INFO,
            "Session {0} closed: {1}",
            new Object[] {event.sessionId(), event.reason()});
        closed.fire(event);
      }
    } catch (RuntimeException e) {
      // the change is committed; a failing observer must not hide that from the others' logs
      LOG.log(Level.WARNING, "An observer of a session change failed", e);
    }
  }
}
