package org.openpleb.ee.settlement;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The payout of an ended trade, recorded in the same transaction that ended it and then worked off
 * step by step ({@link SettlementStep}) until DONE. Nothing about it is lost in a crash: a PENDING
 * settlement is taken up again by the sweeper, at startup too.
 */
@Entity
@Cacheable(false)
@Table(name = "settlements")
public class Settlement {

  /** Whether a settlement still has work. */
  public enum State {
    /** Steps remain. */
    PENDING,
    /** Every step is done. */
    DONE
  }

  @Id
  @Column(name = "offer_id", length = 36)
  private String offerId;

  @Enumerated(EnumType.STRING)
  @Column(name = "outcome", nullable = false, length = 24)
  private Outcome outcome;

  @Column(name = "maker_amount", nullable = false)
  private long makerAmount;

  @Column(name = "taker_amount", nullable = false)
  private long takerAmount;

  @Column(name = "platform_amount", nullable = false)
  private long platformAmount;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 16)
  private State state;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "completed_at")
  private OffsetDateTime completedAt;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private OffsetDateTime nextAttemptAt;

  @Column(name = "lease_until")
  private OffsetDateTime leaseUntil;

  @Column(name = "mint_fees", nullable = false)
  private long mintFees;

  @Column(name = "last_error", length = 200)
  private String lastError;

  /** For JPA. */
  protected Settlement() {}

  Settlement(String offerId, Outcome outcome, Payout payout, OffsetDateTime now) {
    this.offerId = offerId;
    this.outcome = outcome;
    this.makerAmount = payout.maker();
    this.takerAmount = payout.taker();
    this.platformAmount = payout.platform();
    this.state = State.PENDING;
    this.createdAt = now;
    this.nextAttemptAt = now;
  }

  public String offerId() {
    return offerId;
  }

  public Outcome outcome() {
    return outcome;
  }

  /** Who gets what, before mint fees. */
  public Payout payout() {
    return new Payout(makerAmount, takerAmount, platformAmount);
  }

  public State state() {
    return state;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public Optional<OffsetDateTime> completedAt() {
    return Optional.ofNullable(completedAt);
  }

  public int attempts() {
    return attempts;
  }

  public OffsetDateTime nextAttemptAt() {
    return nextAttemptAt;
  }

  /** Mint fees the steps paid so far. */
  public long mintFees() {
    return mintFees;
  }

  /** Why the last attempt stopped, if it failed (a problem code, never a secret). */
  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  // The in-memory form of the ledger's compare-and-set statements, for a ledger kept in memory.

  Optional<OffsetDateTime> leaseUntil() {
    return Optional.ofNullable(leaseUntil);
  }

  void lease(OffsetDateTime until) {
    leaseUntil = until;
  }

  void done(OffsetDateTime at, long fees) {
    state = State.DONE;
    completedAt = at;
    leaseUntil = null;
    mintFees = fees;
    lastError = null;
  }

  void failed(String error, OffsetDateTime next) {
    attempts++;
    leaseUntil = null;
    nextAttemptAt = next;
    lastError = error;
  }

  @Override
  public String toString() {
    return "Settlement[" + offerId + " " + outcome + " " + state + "]";
  }
}
