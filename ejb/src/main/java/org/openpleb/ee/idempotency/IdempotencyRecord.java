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

  /** For JPA. */
  protected IdempotencyRecord() {}

  private IdempotencyRecord(IdempotencyScope scope, String fingerprint, OffsetDateTime now) {
    this.id = new IdempotencyRecordId(scope);
    this.fingerprint = fingerprint;
    this.state = IN_PROGRESS;
    this.createdAt = now;
  }

  /** A request whose first execution starts now. */
  static IdempotencyRecord started(IdempotencyScope scope, String fingerprint, OffsetDateTime now) {
    return new IdempotencyRecord(scope, fingerprint, now);
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
