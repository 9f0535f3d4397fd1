package org.openpleb.ee.admin;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An operator's login: a bearer token for the admin API, kept apart from user sessions so it never
 * counts against {@code SESSION_LIMIT}. Only the SHA-256 of the token is stored.
 */
@Entity
@Cacheable(false)
@Table(name = "admin_sessions")
public class AdminSession {

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "username", nullable = false, length = 128)
  private String username;

  @Column(name = "token_hash", nullable = false, unique = true, length = 64)
  private String tokenHash;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "closed_at")
  private OffsetDateTime closedAt;

  /** For JPA. */
  protected AdminSession() {}

  /** Opens an admin session for {@code username} that ends {@code lifetime} after {@code now}. */
  public static AdminSession open(
      String username, String tokenHash, OffsetDateTime now, Duration lifetime) {
    AdminSession session = new AdminSession();
    session.id = UUID.randomUUID().toString();
    session.username = Objects.requireNonNull(username, "username");
    session.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
    session.createdAt = Objects.requireNonNull(now, "now");
    session.expiresAt = now.plus(lifetime);
    return session;
  }

  /** The session id. */
  public String id() {
    return id;
  }

  /** Who logged in. */
  public String username() {
    return username;
  }

  /** When the session was opened. */
  public OffsetDateTime createdAt() {
    return createdAt;
  }

  /** When its token stops working at the latest. */
  public OffsetDateTime expiresAt() {
    return expiresAt;
  }

  /** When it was logged out, if it was. */
  public Optional<OffsetDateTime> closedAt() {
    return Optional.ofNullable(closedAt);
  }

  @Override
  public String toString() {
    return "AdminSession[" + id + " until " + expiresAt + "]";
  }
}
