package org.openpleb.ee.treasury;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The one row naming the treasury's wallet, with a snapshot of its balance. */
@Entity
@Cacheable(false)
@Table(name = "treasury")
public class TreasuryAccount {

  /** The id of the only row. */
  static final int ID = 1;

  @Id
  @Column(name = "id")
  private int id;

  @Column(name = "wallet_id", nullable = false, length = 36)
  private String walletId;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "spendable", nullable = false)
  private long spendable;

  @Column(name = "reserved", nullable = false)
  private long reserved;

  @Column(name = "inflight", nullable = false)
  private long inflight;

  @Column(name = "balance_at", nullable = false)
  private OffsetDateTime balanceAt;

  /** For JPA. */
  protected TreasuryAccount() {}

  TreasuryAccount(String walletId, OffsetDateTime now) {
    this.id = ID;
    this.walletId = walletId;
    this.createdAt = now;
    this.balanceAt = now;
  }

  public String walletId() {
    return walletId;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public long spendable() {
    return spendable;
  }

  public long reserved() {
    return reserved;
  }

  public long inflight() {
    return inflight;
  }

  public OffsetDateTime balanceAt() {
    return balanceAt;
  }
}
