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
 * A mint quote the server asked for, recorded before its invoice is handed to anyone (#14 finding
 * 6): the row is written before the mint is asked, completed with the quote as soon as the mint
 * answers, and marked held in the same transaction that stores the quote on its offer or deposit. A
 * row that stays unheld is a quote whose holder was lost; the {@link QuoteLedger} finds it.
 *
 * <p>The quote id is a bearer secret: only its sealed form and keyed hash are stored ({@link
 * QuoteSeal}), and {@link #toString()} shows neither.
 */
@Entity
@Cacheable(false)
@Table(name = "mint_quotes")
public class AskedQuote {

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "wallet_id", nullable = false, length = 36)
  private String walletId;

  @Column(name = "pubkey", nullable = false, length = 64)
  private String pubkey;

  @Column(name = "session_id", nullable = false, length = 36)
  private String sessionId;

  @Enumerated(EnumType.STRING)
  @Column(name = "purpose", nullable = false, length = 16)
  private QuotePurpose purpose;

  @Column(name = "purpose_id", nullable = false, length = 36)
  private String purposeId;

  @Column(name = "request_ref", length = 64)
  private String requestRef;

  @Column(name = "amount", nullable = false)
  private long amount;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 16)
  private AskedQuoteState state;

  @Column(name = "quote_ref", length = 64)
  private String quoteRef;

  @Column(name = "quote_sealed", length = 1024)
  private String quoteSealed;

  @Column(name = "invoice", length = 4000)
  private String invoice;

  @Column(name = "expires_at")
  private OffsetDateTime expiresAt;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "next_check_at", nullable = false)
  private OffsetDateTime nextCheckAt;

  @Column(name = "checks", nullable = false)
  private int checks;

  @Column(name = "deposit_id", length = 36)
  private String depositId;

  /** For JPA. */
  protected AskedQuote() {}

  /**
   * A quote about to be asked for: {@code amount} sats into {@code walletId} for {@code purpose}.
   *
   * @param requestRef {@link QuoteLedger#requestRef} of the request's Idempotency-Key scope, or
   *     null when it carried none
   * @param firstCheckAt when the sweep may first take it if nobody holds it by then
   */
  public static AskedQuote asking(
      QuoteOwner owner,
      QuotePurpose purpose,
      String purposeId,
      String requestRef,
      long amount,
      OffsetDateTime now,
      OffsetDateTime firstCheckAt) {
    if (amount <= 0) {
      throw new IllegalArgumentException("amount must be positive");
    }
    AskedQuote q = new AskedQuote();
    q.id = UUID.randomUUID().toString();
    q.walletId = WalletIds.require(owner.walletId());
    q.pubkey = Objects.requireNonNull(owner.pubkey(), "pubkey");
    q.sessionId = Objects.requireNonNull(owner.sessionId(), "sessionId");
    q.purpose = Objects.requireNonNull(purpose, "purpose");
    q.purposeId = Objects.requireNonNull(purposeId, "purposeId");
    q.requestRef = requestRef;
    q.amount = amount;
    q.state = AskedQuoteState.ASKING;
    q.createdAt = Objects.requireNonNull(now, "now");
    q.updatedAt = now;
    q.nextCheckAt = Objects.requireNonNull(firstCheckAt, "firstCheckAt");
    q.checks = 0;
    return q;
  }

  /** The row's id (not the quote id). */
  public String id() {
    return id;
  }

  /** Who the quote's sats belong to. */
  public QuoteOwner owner() {
    return new QuoteOwner(walletId, pubkey, sessionId);
  }

  /** The wallet its sats are minted into. */
  public String walletId() {
    return walletId;
  }

  /** What it pays. */
  public QuotePurpose purpose() {
    return purpose;
  }

  /** The offer or deposit it is for. */
  public String purposeId() {
    return purposeId;
  }

  /** The hash of the asking request's Idempotency-Key scope, if it had one. */
  public Optional<String> requestRef() {
    return Optional.ofNullable(requestRef);
  }

  /** Sats asked for. */
  public long amount() {
    return amount;
  }

  /** Where it stands. */
  public AskedQuoteState state() {
    return state;
  }

  /** The quote id sealed to this row, once the mint answered. */
  public Optional<String> quoteSealed() {
    return Optional.ofNullable(quoteSealed);
  }

  /** The keyed hash of the quote id, once the mint answered. */
  public Optional<String> quoteRef() {
    return Optional.ofNullable(quoteRef);
  }

  /** The BOLT11 invoice, once the mint answered. */
  public Optional<String> invoice() {
    return Optional.ofNullable(invoice);
  }

  /** When the invoice expires, if the mint said. */
  public Optional<OffsetDateTime> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  /** When it was asked for. */
  public OffsetDateTime createdAt() {
    return createdAt;
  }

  /** When the sweep may look at it next. */
  public OffsetDateTime nextCheckAt() {
    return nextCheckAt;
  }

  /** How many times the sweep looked at it. */
  public int checks() {
    return checks;
  }

  /** The deposit that credited it after it was found without its holder. */
  public Optional<String> depositId() {
    return Optional.ofNullable(depositId);
  }

  @Override
  public String toString() {
    return "AskedQuote[" + id + " " + purpose + " " + state + " " + amount + " sats]";
  }
}
