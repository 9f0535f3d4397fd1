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
   * @param requestId the id the caller runs the request under, if it runs it
   * @param boot this boot of the server ({@link ServerBoot})
   * @param staleBefore an IN_PROGRESS claim made before this is orphaned whoever made it
   * @return STARTED when this call stored it (the caller runs it), else what the stored row says;
   *     RACED when a concurrent duplicate stored it between the read and the insert
   */
  public Seen begin(
      IdempotencyScope scope,
      String fingerprint,
      String requestId,
      String boot,
      OffsetDateTime now,
      OffsetDateTime staleBefore) {
    IdempotencyRecord existing = em.find(IdempotencyRecord.class, new IdempotencyRecordId(scope));
    if (existing != null) {
      return new Seen(
          Claim.of(existing, fingerprint, boot, staleBefore),
          existing.claims(),
          existing.requestId());
    }
    try {
      em.persist(IdempotencyRecord.started(scope, fingerprint, requestId, boot, now));
      em.flush();
      return new Seen(Claim.STARTED, 1, requestId);
    } catch (PersistenceException duplicate) {
      context.setRollbackOnly();
      return new Seen(Claim.RACED, 0, null);
    }
  }

  /**
   * Takes an orphaned request over for this boot, to run as {@code requestId}: a compare-and-set on
   * the number of claims seen, so of concurrent retries exactly one gets it.
   *
   * @return whether this call took it
   */
  public boolean takeOver(
      IdempotencyScope scope, int seenClaims, String requestId, String boot, OffsetDateTime now) {
    return em.createQuery(
                "UPDATE IdempotencyRecord r SET r.claimedBy = :boot, r.claimedAt = :now,"
                    + " r.claims = :next, r.requestId = :requestId WHERE "
                    + SAME_ID
                    + " AND r.state = :inProgress AND r.claims = :seen")
            .setParameter("boot", boot)
            .setParameter("now", now)
            .setParameter("next", seenClaims + 1)
            .setParameter("requestId", requestId)
            .setParameter("pubkey", scope.pubkey())
            .setParameter("endpoint", scope.endpoint())
            .setParameter("idempotencyKey", scope.key())
            .setParameter("inProgress", IdempotencyRecord.IN_PROGRESS)
            .setParameter("seen", seenClaims)
            .executeUpdate()
        == 1;
  }

  /**
   * Gives a taken-over request back, orphaned, still naming the execution it was taken from: its
   * outcome could not be learnt now, so the next retry tries again.
   */
  public void release(IdempotencyScope scope, int claims, String formerRequestId) {
    em.createQuery(
            "UPDATE IdempotencyRecord r SET r.claimedBy = NULL, r.requestId = :former WHERE "
                + SAME_ID
                + " AND r.state = :inProgress AND r.claims = :claims")
        .setParameter("former", formerRequestId)
        .setParameter("pubkey", scope.pubkey())
        .setParameter("endpoint", scope.endpoint())
        .setParameter("idempotencyKey", scope.key())
        .setParameter("inProgress", IdempotencyRecord.IN_PROGRESS)
        .setParameter("claims", claims)
        .executeUpdate();
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

  /**
   * What {@link #begin} found: the claim and, for a stored row, its number of claims and the id its
   * current execution runs under.
   */
  public record Seen(Claim claim, int claims, String requestId) {}

  /** What {@link #begin} found. */
  public enum Claim {
    /** Stored now: run the request. */
    STARTED,
    /** Seen before with the same request and finished: replay its answer. */
    REPLAY,
    /** Seen before with the same request, still running. */
    IN_PROGRESS,
    /** Seen before with the same request, IN_PROGRESS, and its execution died with its server. */
    ORPHANED,
    /** Seen before with a different request. */
    MISMATCH,
    /** A concurrent duplicate stored it first: look again. */
    RACED;

    static Claim of(
        IdempotencyRecord record, String fingerprint, String boot, OffsetDateTime staleBefore) {
      if (!record.fingerprint().equals(fingerprint)) {
        return MISMATCH;
      }
      if (record.answer().isPresent()) {
        return REPLAY;
      }
      return record.orphaned(boot, staleBefore) ? ORPHANED : IN_PROGRESS;
    }
  }
}
