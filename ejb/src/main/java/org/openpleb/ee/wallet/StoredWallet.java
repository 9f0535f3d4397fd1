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
 * A session wallet as the shared database knows it: whose it is, whether its session is still live,
 * and a snapshot of its balance written after every money movement. Reads (balances, the list of
 * dormant wallets) come from here and never open the wallet file. Not kept in the provider's cache:
 * several servers and threads update the snapshot.
 */
@Entity
@Cacheable(false)
@Table(name = "wallets")
public class StoredWallet {

  @Id
  @Column(name = "wallet_id", length = 36)
  private String walletId;

  @Column(name = "pubkey", nullable = false, length = 64)
  private String pubkey;

  @Column(name = "session_id", nullable = false, length = 36)
  private String sessionId;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 16)
  private WalletState state;

  @Column(name = "spendable", nullable = false)
  private long spendable;

  @Column(name = "reserved", nullable = false)
  private long reserved;

  @Column(name = "inflight", nullable = false)
  private long inflight;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "balance_at", nullable = false)
  private OffsetDateTime balanceAt;

  @Column(name = "dormant_since")
  private OffsetDateTime dormantSince;

  /** For JPA. */
  protected StoredWallet() {}

  private StoredWallet(String walletId, String pubkey, String sessionId, OffsetDateTime now) {
    this.walletId = walletId;
    this.pubkey = pubkey;
    this.sessionId = sessionId;
    this.state = WalletState.ACTIVE;
    this.createdAt = now;
    this.balanceAt = now;
  }

  /** The empty, active wallet of a live session, recorded when money first moves. */
  public static StoredWallet forSession(
      String walletId, String pubkey, String sessionId, OffsetDateTime now) {
    return new StoredWallet(
        WalletIds.require(walletId),
        Objects.requireNonNull(pubkey, "pubkey"),
        Objects.requireNonNull(sessionId, "sessionId"),
        Objects.requireNonNull(now, "now"));
  }

  /** The wallet id (also the file name under WALLET_DIR). */
  public String walletId() {
    return walletId;
  }

  /** The owner's x-only public key (hex). */
  public String pubkey() {
    return pubkey;
  }

  /** The session the wallet was made for. */
  public String sessionId() {
    return sessionId;
  }

  /** ACTIVE or DORMANT. */
  public WalletState state() {
    return state;
  }

  /** The balance snapshot. */
  public WalletBalance balance() {
    return new WalletBalance(spendable, reserved, inflight);
  }

  /** When the balance snapshot was read from the wallet. */
  public OffsetDateTime balanceAt() {
    return balanceAt;
  }

  /** When the wallet was first recorded. */
  public OffsetDateTime createdAt() {
    return createdAt;
  }

  /** Since when it is dormant, if it is. */
  public Optional<OffsetDateTime> dormantSince() {
    return Optional.ofNullable(dormantSince);
  }

  @Override
  public String toString() {
    return "StoredWallet[" + walletId + " " + state + " " + balance() + "]";
  }
}
