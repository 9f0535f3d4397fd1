package org.openpleb.ee.session;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A one-time login challenge: 32 bytes, as 64 lowercase hex characters, that a user signs to prove
 * they hold a key. The first byte is the proof-of-work difficulty in bits (see {@link
 * ProofOfWork}), the other 31 are random. It is stored in the shared database, so any server can
 * accept a login for a challenge another server issued; a successful login marks it used, in its
 * own transaction.
 */
@Entity
@Cacheable(false)
@Table(name = "session_challenges")
public class LoginChallenge {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Id
  @Column(name = "challenge", length = 64)
  private String challenge;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "used_at")
  private OffsetDateTime usedAt;

  /** For JPA. */
  protected LoginChallenge() {}

  private LoginChallenge(String challenge, OffsetDateTime now, Duration ttl) {
    this.challenge = challenge;
    this.createdAt = now;
    this.expiresAt = now.plus(ttl);
  }

  /** A fresh random challenge issued at {@code now}, usable for {@code ttl}, without work. */
  public static LoginChallenge issue(OffsetDateTime now, Duration ttl) {
    return issue(now, ttl, 0);
  }

  /**
   * A fresh random challenge issued at {@code now}, usable for {@code ttl}, that asks for a proof
   * of work of {@code powBits} (0 to {@link ProofOfWork#MAX_BITS}).
   */
  public static LoginChallenge issue(OffsetDateTime now, Duration ttl, int powBits) {
    Objects.requireNonNull(now, "now");
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive");
    }
    String prefix = ProofOfWork.prefix(powBits);
    byte[] bytes = new byte[31];
    RANDOM.nextBytes(bytes);
    return new LoginChallenge(prefix + HexFormat.of().formatHex(bytes), now, ttl);
  }

  /**
   * Why this challenge cannot open a session at {@code now}, or empty when it still can: a used
   * challenge is a replay, an unused one past its expiry is stale.
   */
  public Optional<LoginRefusal> refusalAt(OffsetDateTime now) {
    if (usedAt != null) {
      return Optional.of(LoginRefusal.CHALLENGE_USED);
    }
    if (!now.isBefore(expiresAt)) {
      return Optional.of(LoginRefusal.CHALLENGE_EXPIRED);
    }
    return Optional.empty();
  }

  /** The challenge text a client signs (as SHA-256 of its UTF-8 bytes). */
  public String challenge() {
    return challenge;
  }

  /** The proof-of-work difficulty, in bits, fixed when it was issued. */
  public int powBits() {
    return ProofOfWork.difficultyOf(challenge);
  }

  /** When it was issued. */
  public OffsetDateTime createdAt() {
    return createdAt;
  }

  /** From this instant on it can no longer be used. */
  public OffsetDateTime expiresAt() {
    return expiresAt;
  }

  /** When a login used it, if one did. */
  public Optional<OffsetDateTime> usedAt() {
    return Optional.ofNullable(usedAt);
  }

  @Override
  public String toString() {
    return "LoginChallenge[until " + expiresAt + (usedAt == null ? "" : ", used") + "]";
  }
}
