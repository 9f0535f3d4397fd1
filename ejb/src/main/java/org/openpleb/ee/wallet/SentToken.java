package org.openpleb.ee.wallet;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A token the server handed out of a session wallet to its owner (a withdrawal), recorded before
 * the wallet makes it. The token text is not here: it stays in the wallet's journal under {@link
 * #operationId()}, the id the wallet's send was journaled under, and is read from there when the
 * owner lists it.
 */
@Entity
@Cacheable(false)
@Table(name = "sent_tokens")
public class SentToken {

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "pubkey", nullable = false, length = 64)
  private String pubkey;

  @Column(name = "wallet_id", nullable = false, length = 36)
  private String walletId;

  @Column(name = "operation_id", nullable = false, length = 36)
  private String operationId;

  @Column(name = "amount", nullable = false)
  private long amount;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 16)
  private SentTokenState state;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "checked_at")
  private OffsetDateTime checkedAt;

  /** For JPA. */
  protected SentToken() {}

  private SentToken(
      String id,
      String pubkey,
      String walletId,
      String operationId,
      long amount,
      SentTokenState state,
      OffsetDateTime createdAt,
      OffsetDateTime checkedAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.pubkey = Objects.requireNonNull(pubkey, "pubkey");
    this.walletId = Objects.requireNonNull(walletId, "walletId");
    this.operationId = Objects.requireNonNull(operationId, "operationId");
    this.amount = amount;
    this.state = Objects.requireNonNull(state, "state");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.checkedAt = checkedAt;
  }

  /** A token about to be made by wallet {@code walletId} under {@code operationId}. */
  public static SentToken unclaimed(
      String id,
      String pubkey,
      String walletId,
      String operationId,
      long amount,
      OffsetDateTime now) {
    return new SentToken(
        id, pubkey, walletId, operationId, amount, SentTokenState.UNCLAIMED, now, null);
  }

  /** A copy of this row in {@code newState}, checked at {@code at} (for in-memory stores). */
  public SentToken in(SentTokenState newState, OffsetDateTime at) {
    return new SentToken(id, pubkey, walletId, operationId, amount, newState, createdAt, at);
  }

  public String id() {
    return id;
  }

  /** The owner: the user whose withdrawal made it. */
  public String pubkey() {
    return pubkey;
  }

  /** The wallet it came from, and goes back to when reclaimed. */
  public String walletId() {
    return walletId;
  }

  /** The id of the wallet's send operation that holds the token. */
  public String operationId() {
    return operationId;
  }

  /** Sats in the token. */
  public long amount() {
    return amount;
  }

  public SentTokenState state() {
    return state;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  /** When the mint or its owner last settled where it stands, if ever. */
  public Optional<OffsetDateTime> checkedAt() {
    return Optional.ofNullable(checkedAt);
  }

  @Override
  public String toString() {
    return "SentToken[" + id + ", wallet " + walletId + ", " + amount + " sats, " + state + "]";
  }
}
