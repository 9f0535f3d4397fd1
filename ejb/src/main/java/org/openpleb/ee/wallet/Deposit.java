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
import java.util.UUID;

/**
 * A Lightning deposit into a session wallet: a mint quote whose invoice the user pays, credited by
 * the server-side watcher once paid, without the user polling.
 *
 * <p>The quote id lets whoever knows it mint the paid ecash, so it is a bearer secret: it stays in
 * this row, is never returned to the user, never logged, and {@link #toString()} leaves it out. The
 * user addresses the deposit by its own random {@link #id()}.
 */
@Entity
@Cacheable(false)
@Table(name = "wallet_deposits")
public class Deposit {

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "wallet_id", nullable = false, length = 36)
  private String walletId;

  @Column(name = "pubkey", nullable = false, length = 64)
  private String pubkey;

  @Column(name = "quote_id", nullable = false, length = 255)
  private String quoteId;

  @Column(name = "invoice", nullable = false, length = 4000)
  private String invoice;

  @Column(name = "amount", nullable = false)
  private long amount;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 16)
  private DepositState state;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at")
  private OffsetDateTime expiresAt;

  @Column(name = "next_check_at", nullable = false)
  private OffsetDateTime nextCheckAt;

  @Column(name = "checks", nullable = false)
  private int checks;

  @Column(name = "credited_at")
  private OffsetDateTime creditedAt;

  @Column(name = "credited_amount")
  private Long creditedAmount;

  @Column(name = "failure", length = 200)
  private String failure;

  /** For JPA. */
  protected Deposit() {}

  private Deposit(
      String id,
      String walletId,
      String pubkey,
      String quoteId,
      String invoice,
      long amount,
      OffsetDateTime now,
      OffsetDateTime expiresAt) {
    this.id = id;
    this.walletId = walletId;
    this.pubkey = pubkey;
    this.quoteId = quoteId;
    this.invoice = invoice;
    this.amount = amount;
    this.state = DepositState.PENDING;
    this.createdAt = now;
    this.expiresAt = expiresAt;
    this.nextCheckAt = now;
    this.checks = 0;
  }

  /**
   * A new pending deposit of {@code amount} sats into {@code walletId}, due for its first check at
   * once.
   *
   * @param expiresAt when the invoice can no longer be paid, or null if the mint did not say
   */
  public static Deposit pending(
      String walletId,
      String pubkey,
      String quoteId,
      String invoice,
      long amount,
      OffsetDateTime now,
      OffsetDateTime expiresAt) {
    return pending(
        UUID.randomUUID().toString(), walletId, pubkey, quoteId, invoice, amount, now, expiresAt);
  }

  /**
   * A new pending deposit with an id chosen beforehand: the quote ledger records the deposit id
   * with the quote before the mint is asked, so a deposit whose row was lost is found under its own
   * id.
   */
  public static Deposit pending(
      String id,
      String walletId,
      String pubkey,
      String quoteId,
      String invoice,
      long amount,
      OffsetDateTime now,
      OffsetDateTime expiresAt) {
    if (amount <= 0) {
      throw new IllegalArgumentException("amount must be positive");
    }
    return new Deposit(
        Objects.requireNonNull(id, "id"),
        WalletIds.require(walletId),
        Objects.requireNonNull(pubkey, "pubkey"),
        Objects.requireNonNull(quoteId, "quoteId"),
        Objects.requireNonNull(invoice, "invoice"),
        amount,
        Objects.requireNonNull(now, "now"),
        expiresAt);
  }

  /** The deposit id the user sees. */
  public String id() {
    return id;
  }

  /** The wallet it credits. */
  public String walletId() {
    return walletId;
  }

  /** The owner's public key. */
  public String pubkey() {
    return pubkey;
  }

  /** The mint quote id: a bearer secret, for the watcher only. */
  public String quoteId() {
    return quoteId;
  }

  /** The BOLT11 invoice to pay. */
  public String invoice() {
    return invoice;
  }

  /** Sats asked for. */
  public long amount() {
    return amount;
  }

  /** Where it stands. */
  public DepositState state() {
    return state;
  }

  /** When it was asked for. */
  public OffsetDateTime createdAt() {
    return createdAt;
  }

  /** When the invoice expires, if the mint said. */
  public Optional<OffsetDateTime> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  /** When the watcher checks it next. */
  public OffsetDateTime nextCheckAt() {
    return nextCheckAt;
  }

  /** How many times the watcher checked it. */
  public int checks() {
    return checks;
  }

  /** When it was credited, if it was. */
  public Optional<OffsetDateTime> creditedAt() {
    return Optional.ofNullable(creditedAt);
  }

  /** Sats credited, if it was. */
  public Optional<Long> creditedAmount() {
    return Optional.ofNullable(creditedAmount);
  }

  /** Why it failed, if it did (a mint error name, never a secret). */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public String toString() {
    return "Deposit[" + id + " " + state + " " + amount + " sats into " + walletId + "]";
  }
}
