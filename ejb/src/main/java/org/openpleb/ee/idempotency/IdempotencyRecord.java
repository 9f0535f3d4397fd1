package org.openpleb.ee.idempotency;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One idempotent request: IN_PROGRESS while its first execution runs, then DONE with the answer
 * every retry gets. Not cached by the provider: concurrent duplicates must see the stored row.
 */
@Entity
@Cacheable(false)
@Table(name = "idempotency_records")
public class IdempotencyRecord {

  static final String IN_PROGRESS = "IN_PROGRESS";
  static final String DONE = "DONE";

  @EmbeddedId private IdempotencyRecordId id;

  @Column(name = "fingerprint", nullable = false, length = 64)
  private String fingerprint;

  @Column(name = "state", nullable = false, length = 16)
  private String state;

  @Column(name = "response_status")
  private Integer responseStatus;

  @Column(name = "response_type", length = 64)
  private String responseType;

  @Column(name = "response_body", columnDefinition = "TEXT")
  private String responseBody;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "completed_at")
  private OffsetDateTime completedAt;

  @Column(name = "claimed_by", length = 36)
  private String claimedBy;

  @Column(name = "claimed_at")
  private OffsetDateTime claimedAt;

  @Column(name = "claims", nullable = false)
  private int claims;

  @Column(name = "request_id", length = 36)
  private String requestId;

  /** For JPA. */
  protected IdempotencyRecord() {}

  IdempotencyRecord(
      IdempotencyScope scope,
      String fingerprint,
      String requestId,
      String boot,
      OffsetDateTime now) {
    this.id = new IdempotencyRecordId(scope);
    this.fingerprint = fingerprint;
    this.state = IN_PROGRESS;
    this.createdAt = now;
    this.claimedBy = boot;
    this.claimedAt = now;
    this.claims = 1;
    this.requestId = requestId;
  }

  /** A request whose first execution starts now, in boot {@code boot}, as {@code requestId}. */
  static IdempotencyRecord started(
      IdempotencyScope scope,
      String fingerprint,
      String requestId,
      String boot,
      OffsetDateTime now) {
    return new IdempotencyRecord(scope, fingerprint, requestId, boot, now);
  }

  /**
   * Whether the request is IN_PROGRESS with nobody left to finish it: claimed by another boot of
   * the server (which died or restarted), by none (a row written before claimants were recorded),
   * or before {@code staleBefore} (a claim that outlived any execution).
   */
  boolean orphaned(String boot, OffsetDateTime staleBefore) {
    if (!IN_PROGRESS.equals(state)) {
      return false;
    }
    return claimedBy == null
        || !claimedBy.equals(boot)
        || claimedAt == null
        || claimedAt.isBefore(staleBefore);
  }

  /** A record as the table holds it (for stores other than JPA, e.g. in tests). */
  static IdempotencyRecord loaded(
      IdempotencyScope scope,
      String fingerprint,
      String requestId,
      String claimedBy,
      OffsetDateTime claimedAt,
      int claims,
      StoredAnswer answer) {
    IdempotencyRecord record =
        new IdempotencyRecord(scope, fingerprint, requestId, claimedBy, claimedAt);
    record.claims = claims;
    if (answer != null) {
      record.state = DONE;
      record.responseStatus = answer.status();
      record.responseType = answer.mediaType();
      record.responseBody = answer.body();
    }
    return record;
  }

  /** The boot that holds the key, if any. */
  String claimedBy() {
    return claimedBy;
  }

  /** When it was claimed last. */
  OffsetDateTime claimedAt() {
    return claimedAt;
  }

  /** How many executions have held the key: the compare-and-set value of a take-over. */
  int claims() {
    return claims;
  }

  /** The id the execution holding the key runs under, if one was recorded. */
  String requestId() {
    return requestId;
  }

  /** The SHA-256 (hex) of the request the key was first used with. */
  String fingerprint() {
    return fingerprint;
  }

  /** The stored answer, once the first execution finished. */
  Optional<StoredAnswer> answer() {
    if (!DONE.equals(state) || responseStatus == null) {
      return Optional.empty();
    }
    return Optional.of(new StoredAnswer(responseStatus, responseType, responseBody));
  }

  /** Replaces a plain-text answer by its sealed form. */
  void seal(AnswerSeal seal) {
    answer()
        .filter(plain -> !AnswerSeal.sealed(plain.body()))
        .ifPresent(plain -> responseBody = seal.seal(id.scope(), plain).body());
  }

  @Override
  public String toString() {
    return "IdempotencyRecord[" + id + " " + state + "]";
  }
}
