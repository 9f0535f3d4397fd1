package org.openpleb.ee.treasury;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A record of sats the admin took out of the treasury. Holds no token. */
@Entity
@Cacheable(false)
@Table(name = "treasury_withdrawals")
public class TreasuryWithdrawal {

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "admin_user", nullable = false, length = 64)
  private String adminUser;

  @Column(name = "kind", nullable = false, length = 16)
  private String kind;

  @Column(name = "amount", nullable = false)
  private long amount;

  @Column(name = "fee", nullable = false)
  private long fee;

  @Column(name = "at", nullable = false)
  private OffsetDateTime at;

  /** For JPA. */
  protected TreasuryWithdrawal() {}

  TreasuryWithdrawal(String adminUser, String kind, long amount, long fee, OffsetDateTime at) {
    this.id = UUID.randomUUID().toString();
    this.adminUser = adminUser;
    this.kind = kind;
    this.amount = amount;
    this.fee = fee;
    this.at = at;
  }

  public String id() {
    return id;
  }

  public String adminUser() {
    return adminUser;
  }

  /** TOKEN or LIGHTNING. */
  public String kind() {
    return kind;
  }

  public long amount() {
    return amount;
  }

  public long fee() {
    return fee;
  }

  public OffsetDateTime at() {
    return at;
  }
}
