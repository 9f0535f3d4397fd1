package org.openpleb.ee.session;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Sessions in the shared database through JPA. */
@Stateless
public class JpaSessionRepository implements SessionRepository {

  @PersistenceContext(unitName = "openpleb")
  EntityManager em;

  @Override
  public void add(UserSession session) {
    em.persist(session);
    em.flush();
  }

  @Override
  public Optional<UserSession> find(String id) {
    return Optional.ofNullable(em.find(UserSession.class, id));
  }

  @Override
  public Optional<UserSession> findLiveByTokenHash(String tokenHash, OffsetDateTime now) {
    return em.createQuery(
            "SELECT s FROM UserSession s WHERE s.tokenHash = :hash"
                + " AND s.state = :live AND s.expiresAt > :now",
            UserSession.class)
        .setParameter("hash", tokenHash)
        .setParameter("live", SessionState.LIVE)
        .setParameter("now", now)
        .getResultStream()
        .findFirst();
  }

  @Override
  public long countLive(OffsetDateTime now) {
    return em.createQuery(
            "SELECT COUNT(s) FROM UserSession s WHERE s.state = :live AND s.expiresAt > :now",
            Long.class)
        .setParameter("live", SessionState.LIVE)
        .setParameter("now", now)
        .getSingleResult();
  }
}
