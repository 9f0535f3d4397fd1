package org.openpleb.ee.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One entry of the platform's event log: an instance started, ran with an unsafe setting, and later
 * capacity-level changes. Shared by every instance through the database.
 */
@Entity
@Table(name = "platform_events")
public class PlatformEvent {

  /** The longest detail the table holds; longer text is cut. */
  public static final int MAX_DETAIL = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private OffsetDateTime occurredAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 32)
  private PlatformEventKind kind;

  @Column(name = "detail", nullable = false, length = MAX_DETAIL)
  private String detail;

  /** For JPA. */
  protected PlatformEvent() {}

  /** Records that {@code kind} happened at {@code occurredAt}; the detail is cut to fit. */
  public PlatformEvent(PlatformEventKind kind, String detail, OffsetDateTime occurredAt) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    String text = Objects.requireNonNull(detail, "detail");
    this.detail = text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) : text;
  }

  /** The database-assigned id; null until persisted. */
  public Long id() {
    return id;
  }

  /** When it happened. */
  public OffsetDateTime occurredAt() {
    return occurredAt;
  }

  /** What happened. */
  public PlatformEventKind kind() {
    return kind;
  }

  /** Human-readable detail for the operator. */
  public String detail() {
    return detail;
  }

  @Override
  public String toString() {
    return "PlatformEvent[" + id + " " + kind + " at " + occurredAt + "]";
  }
}
