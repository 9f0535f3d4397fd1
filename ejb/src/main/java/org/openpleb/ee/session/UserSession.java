package org.openpleb.ee.session;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A user's login: a BIP-340 public key holding a bearer token for at most the session lifetime.
 * Only a hash of the token is stored, so a database leak does not hand out sessions.
 *
 * <p>Each session owns a wallet id from its first moment; the wallet file behind it is opened
 * lazily by the wallet registry, never by the login. The entity is not kept in the provider's
 * shared cache: several servers close and touch the same rows, and a cached copy would be stale.
 */
@Entity
@Cacheable(false)
@Table(name = "sessions")
public class UserSession {

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "pubkey", nullable = false, length = 64)
  private String pubkey;

  @Column(name = "token_hash", nullable = false, unique = true, length = 64)
  private String tokenHash;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "last_seen_at", nullable = false)
  private OffsetDateTime lastSeenAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 16)
  private SessionState state;

  @Column(name = "wallet_id", nullable = false, length = 36)
  private String walletId;

  @Column(name = "closed_at")
  private OffsetDateTime closedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "close_reason", length = 32)
  private SessionCloseReason closeReason;

  /** For JPA. */
  protected UserSession() {}

  private UserSession(String pubkey, String tokenHash, OffsetDateTime now, Duration lifetime) {
    this.id = UUID.randomUUID().toString();
    this.pubkey = Objects.requireNonNull(pubkey, "pubkey");
    this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
    this.createdAt = Objects.requireNonNull(now, "now");
    this.expiresAt = now.plus(lifetime);
    this.lastSeenAt = now;
    this.state = SessionState.LIVE;
    this.walletId = UUID.randomUUID().toString();
  }

  /**
   * Opens a live session for {@code pubkey} that ends {@code lifetime} after {@code now}, with a
   * fresh wallet id.
   *
   * @param pubkey the user's x-only public key, 64 lowercase hex characters
   * @param tokenHash the hex SHA-256 of the bearer token handed to the user
   */
  public static UserSession open(
      String pubkey, String tokenHash, OffsetDateTime now, Duration lifetime) {
    if (pubkey == null || !pubkey.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("pubkey must be 64 lowercase hex characters");
    }
    if (tokenHash == null || !tokenHash.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("tokenHash must be a hex SHA-256");
    }
    if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("lifetime must be positive");
    }
    return new UserSession(pubkey, tokenHash, now, lifetime);
  }

  /** True while the token works: not closed and not past its expiry. */
  public boolean isLive(OffsetDateTime now) {
    return state == SessionState.LIVE && now.isBefore(expiresAt);
  }

  /** Notes activity, for idle statistics. */
  public void touch(OffsetDateTime now) {
    if (now.isAfter(lastSeenAt)) {
      lastSeenAt = now;
    }
  }

  /** Closes the session; closing twice keeps the first reason and time. */
  public void close(SessionCloseReason reason, OffsetDateTime now) {
    if (state == SessionState.CLOSED) {
      return;
    }
    this.state = SessionState.CLOSED;
    this.closeReason = Objects.requireNonNull(reason, "reason");
    this.closedAt = Objects.requireNonNull(now, "now");
  }

  /** The session id handed to the user (not a secret; the token is). */
  public String id() {
    return id;
  }

  /** The user's public key. */
  public String pubkey() {
    return pubkey;
  }

  /** Hex SHA-256 of the bearer token. */
  public String tokenHash() {
    return tokenHash;
  }

  /** When the session was opened. */
  public OffsetDateTime createdAt() {
    return createdAt;
  }

  /** When the token stops working at the latest. */
  public OffsetDateTime expiresAt() {
    return expiresAt;
  }

  /** Last activity. */
  public OffsetDateTime lastSeenAt() {
    return lastSeenAt;
  }

  /** LIVE or CLOSED as stored; see {@link #isLive} for the time-aware answer. */
  public SessionState state() {
    return state;
  }

  /**
   * The id of the session's wallet, assigned at login. The wallet registry opens the file behind it
   * once money first moves, and keeps it dormant after the session closes while it holds value.
   */
  public String walletId() {
    return walletId;
  }

  /** When it was closed, if it was. */
  public Optional<OffsetDateTime> closedAt() {
    return Optional.ofNullable(closedAt);
  }

  /** Why it was closed, if it was. */
  public Optional<SessionCloseReason> closeReason() {
    return Optional.ofNullable(closeReason);
  }

  @Override
  public String toString() {
    // The token hash stays out: it identifies a bearer credential.
    return "UserSession[" + id + " " + state + " until " + expiresAt + "]";
  }
}
