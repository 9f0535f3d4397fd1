package org.openpleb.ee.idempotency;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The stored idempotent requests in the shared database. Each method commits on its own, so the
 * IN_PROGRESS row of a starting request is visible to every concurrent duplicate at once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IdempotencyLedger {

  private static final String SAME_ID =
      "r.id.pubkey = :pubkey AND r.id.endpoint = :endpoint AND r.id.idempotencyKey = :idempotencyKey";

  @PersistenceContext(unitName = "openpleb")
  EntityManager em;

  @Resource SessionContext context;

  /**
   * Starts the request of {@code scope} unless it was seen before.
   *
   * @return STARTED when this call stored it (the caller runs it), else what the stored row says;
   *     RACED when a concurrent duplicate stored it between the read and the insert
   */
  public Claim begin(IdempotencyScope scope, String fingerprint, OffsetDateTime now) {
    IdempotencyRecord existing = em.find(IdempotencyRecord.class, new IdempotencyRecordId(scope));
    if (existing != null) {
      return Claim.of(existing, fingerprint);
    }
    try {
      em.persist(IdempotencyRecord.started(scope, fingerprint, now));
      em.flush();
      return Claim.STARTED;
    } catch (PersistenceException duplicate) {
      context.setRollbackOnly();
      return Claim.RACED;
    }
  }

  /** The answer stored for {@code scope}, once its first execution finished. */
  public Optional<StoredAnswer> answer(IdempotencyScope scope) {
    return Optional.ofNullable(em.find(IdempotencyRecord.class, new IdempotencyRecordId(scope)))
        .flatMap(IdempotencyRecord::answer);
  }

  /** Stores the first answer of a started request. */
  public void complete(IdempotencyScope scope, StoredAnswer answer, OffsetDateTime now) {
    em.createQuery(
            "UPDATE IdempotencyRecord r SET r.state = :done, r.responseStatus = :status,"
                + " r.responseType = :type, r.responseBody = :body, r.completedAt = :now"
                + " WHERE "
                + SAME_ID
                + " AND r.state = :inProgress")
        .setParameter("done", IdempotencyRecord.DONE)
        .setParameter("status", answer.status())
        .setParameter("type", answer.mediaType())
        .setParameter("body", answer.body())
        .setParameter("now", now)
        .setParameter("pubkey", scope.pubkey())
        .setParameter("endpoint", scope.endpoint())
        .setParameter("idempotencyKey", scope.key())
        .setParameter("inProgress", IdempotencyRecord.IN_PROGRESS)
        .executeUpdate();
  }

  /** Forgets a started request that did nothing, so the client may retry it with the same key. */
  public void abandon(IdempotencyScope scope) {
    em.createQuery(
            "DELETE FROM IdempotencyRecord r WHERE " + SAME_ID + " AND r.state = :inProgress")
        .setParameter("pubkey", scope.pubkey())
        .setParameter("endpoint", scope.endpoint())
        .setParameter("idempotencyKey", scope.key())
        .setParameter("inProgress", IdempotencyRecord.IN_PROGRESS)
        .executeUpdate();
  }

  /**
   * Seals up to {@code max} answers stored in plain text (by a version before sealing); returns how
   * many.
   */
  public int sealPlainAnswers(AnswerSeal seal, int max) {
    List<IdempotencyRecord> plain =
        em.createQuery(
                "SELECT r FROM IdempotencyRecord r WHERE r.state = :done"
                    + " AND r.responseBody IS NOT NULL AND r.responseBody NOT LIKE :sealed",
                IdempotencyRecord.class)
            .setParameter("done", IdempotencyRecord.DONE)
            .setParameter("sealed", AnswerSeal.PREFIX + "%")
            .setMaxResults(max)
            .getResultList();
    plain.forEach(record -> record.seal(seal));
    return plain.size();
  }

  /** Deletes requests started before {@code cutoff}; returns how many. */
  public int purgeBefore(OffsetDateTime cutoff) {
    return em.createQuery("DELETE FROM IdempotencyRecord r WHERE r.createdAt < :cutoff")
        .setParameter("cutoff", cutoff)
        .executeUpdate();
  }

  /** What {@link #begin} found. */
  public enum Claim {
    /** Stored now: run the request. */
    STARTED,
    /** Seen before with the same request and finished: replay its answer. */
    REPLAY,
    /** Seen before with the same request, still running. */
    IN_PROGRESS,
    /** Seen before with a different request. */
    MISMATCH,
    /** A concurrent duplicate stored it first: look again. */
    RACED;

    static Claim of(IdempotencyRecord record, String fingerprint) {
      if (!record.fingerprint().equals(fingerprint)) {
        return MISMATCH;
      }
      return record.answer().isPresent() ? REPLAY : IN_PROGRESS;
    }
  }
}
