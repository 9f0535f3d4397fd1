package org.openpleb.ee.settlement;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a settlement: a transfer out of a hold into another party's wallet, or the release of
 * what is left of a hold to its owner. A transfer is recorded SENDING before the token is made,
 * SENT with the token before it is received, and DONE with what arrived, so a crash at any point
 * resumes where it stopped. The token is a bearer secret: cleared once received, never in {@link
 * #toString()}.
 */
@Entity
@Cacheable(false)
@Table(name = "settlement_steps")
@IdClass(SettlementStep.Key.class)
public class SettlementStep {

  /** What a step does. */
  public enum Kind {
    /** Sends sats out of a hold as a token and receives it into another wallet. */
    TRANSFER,
    /** Returns what is left of a hold to its owner's spendable balance. */
    RELEASE
  }

  /** How far a step got. */
  public enum State {
    /** Not started. */
    PLANNED,
    /**
     * The token is being made; on resume, look for it before making another. A release in this
     * state recorded what its hold held and may have returned it already.
     */
    SENDING,
    /** The token exists and is recorded; it still has to be received. */
    SENT,
    /** Finished. */
    DONE
  }

  @Id
  @Column(name = "offer_id", length = 36)
  private String offerId;

  @Id
  @Column(name = "seq")
  private int seq;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 16)
  private Kind kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_party", nullable = false, length = 16)
  private Party fromParty;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_party", nullable = false, length = 16)
  private Party toParty;

  @Column(name = "from_wallet_id", nullable = false, length = 36)
  private String fromWalletId;

  @Column(name = "from_owner", nullable = false, length = 100)
  private String fromOwner;

  @Column(name = "to_wallet_id", nullable = false, length = 36)
  private String toWalletId;

  @Column(name = "amount", nullable = false)
  private long amount;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 16)
  private State state;

  @Column(name = "token", columnDefinition = "TEXT")
  private String token;

  @Column(name = "sent_amount")
  private Long sentAmount;

  @Column(name = "send_fee", nullable = false)
  private long sendFee;

  @Column(name = "received_amount")
  private Long receivedAmount;

  @Column(name = "receive_fee", nullable = false)
  private long receiveFee;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  /** For JPA. */
  protected SettlementStep() {}

  SettlementStep(
      String offerId,
      int seq,
      Kind kind,
      Party fromParty,
      Party toParty,
      String fromWalletId,
      String fromOwner,
      String toWalletId,
      long amount,
      OffsetDateTime now) {
    this.offerId = offerId;
    this.seq = seq;
    this.kind = kind;
    this.fromParty = fromParty;
    this.toParty = toParty;
    this.fromWalletId = fromWalletId;
    this.fromOwner = fromOwner;
    this.toWalletId = toWalletId;
    this.amount = amount;
    this.state = State.PLANNED;
    this.updatedAt = now;
  }

  public String offerId() {
    return offerId;
  }

  public int seq() {
    return seq;
  }

  public Kind kind() {
    return kind;
  }

  public Party fromParty() {
    return fromParty;
  }

  public Party toParty() {
    return toParty;
  }

  public String fromWalletId() {
    return fromWalletId;
  }

  /** The reservation owner of the hold in the paying wallet. */
  public String fromOwner() {
    return fromOwner;
  }

  public String toWalletId() {
    return toWalletId;
  }

  /** Sats to move (for a RELEASE, what the hold is expected to keep). */
  public long amount() {
    return amount;
  }

  public State state() {
    return state;
  }

  /** The token of a SENT step: a bearer secret. */
  Optional<String> token() {
    return Optional.ofNullable(token);
  }

  /**
   * What a transfer's token carried, or what a release found in its hold before returning it (so a
   * resumed release records that, not the 0 a hold already returned gives back).
   */
  public Optional<Long> sentAmount() {
    return Optional.ofNullable(sentAmount);
  }

  public long sendFee() {
    return sendFee;
  }

  public Optional<Long> receivedAmount() {
    return Optional.ofNullable(receivedAmount);
  }

  public long receiveFee() {
    return receiveFee;
  }

  /** The memo that marks this step's token, so a resumed step finds a token it already made. */
  public String memo() {
    return "settlement:" + offerId + ":" + seq;
  }

  // The in-memory form of the ledger's compare-and-set statements, for a ledger kept in memory.

  void advance(State to, OffsetDateTime at) {
    state = to;
    updatedAt = at;
  }

  void releasing(long held, OffsetDateTime at) {
    advance(State.SENDING, at);
    sentAmount = held;
  }

  void sent(String sealed, long amount, long fee, OffsetDateTime at) {
    advance(State.SENT, at);
    token = sealed;
    sentAmount = amount;
    sendFee = fee;
  }

  void done(long received, long fee, OffsetDateTime at) {
    advance(State.DONE, at);
    token = null;
    receivedAmount = received;
    receiveFee = fee;
  }

  @Override
  public String toString() {
    return "SettlementStep["
        + offerId
        + "#"
        + seq
        + " "
        + kind
        + " "
        + fromParty
        + "->"
        + toParty
        + " "
        + amount
        + " "
        + state
        + "]";
  }

  /** The composite key: offer and position. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private String offerId;
    private int seq;

    /** For JPA. */
    public Key() {}

    Key(String offerId, int seq) {
      this.offerId = offerId;
      this.seq = seq;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key k && k.seq == seq && Objects.equals(k.offerId, offerId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(offerId, seq);
    }
  }
}
