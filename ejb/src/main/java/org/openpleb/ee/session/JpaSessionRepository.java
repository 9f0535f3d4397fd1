package org.openpleb.ee.session;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
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

  @Override
  public void lockAdmission() {
    // Plain SQL row lock: the same statement works on PostgreSQL and H2.
    List<?> rows =
        em.createNativeQuery("SELECT id FROM session_admission WHERE id = 1 FOR UPDATE")
            .getResultList();
    if (rows.isEmpty()) {
      throw new IllegalStateException("session_admission has no row; migration V2 is missing");
    }
  }

  @Override
  public boolean close(String id, SessionCloseReason reason, OffsetDateTime now) {
    return em.createQuery(
                "UPDATE UserSession s SET s.state = :closed, s.closeReason = :reason,"
                    + " s.closedAt = :now WHERE s.id = :id AND s.state = :live")
            .setParameter("closed", SessionState.CLOSED)
            .setParameter("reason", reason)
            .setParameter("now", now)
            .setParameter("id", id)
            .setParameter("live", SessionState.LIVE)
            .executeUpdate()
        == 1;
  }

  @Override
  public List<String> findExpiredIds(OffsetDateTime now, int max) {
    return em.createQuery(
            "SELECT s.id FROM UserSession s WHERE s.state = :live AND s.expiresAt <= :now"
                + " ORDER BY s.expiresAt",
            String.class)
        .setParameter("live", SessionState.LIVE)
        .setParameter("now", now)
        .setMaxResults(max)
        .getResultList();
  }

  @Override
  public List<UserSession> findIdle(OffsetDateTime idleSince, OffsetDateTime now, int max) {
    return em.createQuery(
            "SELECT s FROM UserSession s WHERE s.state = :live AND s.expiresAt > :now"
                + " AND s.lastSeenAt < :idleSince ORDER BY s.lastSeenAt",
            UserSession.class)
        .setParameter("live", SessionState.LIVE)
        .setParameter("now", now)
        .setParameter("idleSince", idleSince)
        .setMaxResults(max)
        .getResultList();
  }

  @Override
  public List<UserSession> findUnused(OffsetDateTime now, int max) {
    return em.createQuery(
            "SELECT s FROM UserSession s WHERE s.state = :live AND s.expiresAt > :now"
                + " AND s.lastSeenAt <= s.createdAt ORDER BY s.createdAt DESC",
            UserSession.class)
        .setParameter("live", SessionState.LIVE)
        .setParameter("now", now)
        .setMaxResults(max)
        .getResultList();
  }

  @Override
  public boolean touch(String id, OffsetDateTime now, OffsetDateTime notBefore) {
    return em.createQuery(
                "UPDATE UserSession s SET s.lastSeenAt = :now WHERE s.id = :id"
                    + " AND s.state = :live AND (s.lastSeenAt < :notBefore"
                    + " OR s.lastSeenAt <= s.createdAt)")
            .setParameter("now", now)
            .setParameter("id", id)
            .setParameter("live", SessionState.LIVE)
            .setParameter("notBefore", notBefore)
            .executeUpdate()
        == 1;
  }
}
