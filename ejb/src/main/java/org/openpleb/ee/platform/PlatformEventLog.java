package org.openpleb.ee.platform;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** The operator's log of platform-wide events, kept in the shared database. */
@Stateless
public class PlatformEventLog {

  @PersistenceContext(unitName = "openpleb")
  EntityManager em;

  @Inject Clock clock;

  /** Appends an event stamped with the current time and returns it with its id. */
  public PlatformEvent record(PlatformEventKind kind, String detail) {
    PlatformEvent event = new PlatformEvent(kind, detail, OffsetDateTime.now(clock));
    em.persist(event);
    em.flush();
    return event;
  }

  /** The newest events first, at most {@code limit} of them. */
  public List<PlatformEvent> latest(int limit) {
    return em.createQuery(
            "SELECT e FROM PlatformEvent e ORDER BY e.occurredAt DESC, e.id DESC",
            PlatformEvent.class)
        .setMaxResults(limit)
        .getResultList();
  }
}
