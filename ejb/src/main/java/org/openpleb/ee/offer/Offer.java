package org.openpleb.ee.offer;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.openpleb.ee.pricing.PriceQuote;
import org.openpleb.ee.settlement.Outcome;

/**
 * A maker's request to have a bank QR code paid in fiat in exchange for sats, with every amount
 * frozen when it was created and the trade's progress: funding, the taker's claim, the deadline of
 * the current state and how it ended.
 *
 * <p>The entity is read, never written through by JPA: every change is an {@link OfferChange} the
 * repository applies as a compare-and-set on {@code status}, so it is not cached anywhere. The
 * package-private mutators below are the in-memory form of those changes. The Lightning quote id is
 * a bearer secret at the mint: it stays in this row and {@link #toString()} leaves it out.
 */
@Entity
@Cacheable(false)
@Table(name = "offers")
public class Offer {

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 24)
  private OfferState status;

  @Column(name = "maker_pubkey", nullable = false, length = 64)
  private String makerPubkey;

  @Column(name = "maker_session_id", nullable = false, length = 36)
  private String makerSessionId;

  @Column(name = "maker_wallet_id", nullable = false, length = 36)
  private String makerWalletId;

  @Column(name = "fiat_amount", nullable = false)
  private long fiatAmount;

  @Column(name = "currency", nullable = false, length = 3)
  private String currency;

  @Column(name = "btc_price", nullable = false, precision = 38, scale = 8)
  private BigDecimal btcPrice;

  @Column(name = "qr_code", nullable = false, length = 2048)
  private String qrCode;

  @Column(name = "fiat_provider", length = 64)
  private String fiatProvider;

  @Column(name = "sats", nullable = false)
  private long sats;

  @Column(name = "platform_fee", nullable = false)
  private long platformFee;

  @Column(name = "taker_fee", nullable = false)
  private long takerFee;

  @Column(name = "bond", nullable = false)
  private long bond;

  @Column(name = "funding", nullable = false)
  private long funding;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "state_entered_at", nullable = false)
  private OffsetDateTime stateEnteredAt;

  @Column(name = "expires_at")
  private OffsetDateTime expiresAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "funding_method", length = 16)
  private FundingMethod fundingMethod;

  @Column(name = "escrow_owner", length = 100)
  private String escrowOwner;

  @Column(name = "funding_fee", nullable = false)
  private long fundingFee;

  @Column(name = "quote_id", length = 255)
  private String quoteId;

  @Column(name = "invoice", length = 4000)
  private String invoice;

  @Column(name = "quote_expires_at")
  private OffsetDateTime quoteExpiresAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "quote_state", length = 16)
  private QuoteWatch quoteState;

  @Column(name = "quote_next_check_at")
  private OffsetDateTime quoteNextCheckAt;

  @Column(name = "quote_checks", nullable = false)
  private int quoteChecks;

  @Column(name = "taker_pubkey", length = 64)
  private String takerPubkey;

  @Column(name = "taker_session_id", length = 36)
  private String takerSessionId;

  @Column(name = "taker_wallet_id", length = 36)
  private String takerWalletId;

  @Column(name = "bond_owner", length = 100)
  private String bondOwner;

  @Column(name = "bond_fee", nullable = false)
  private long bondFee;

  @Column(name = "claimed_at")
  private OffsetDateTime claimedAt;

  @Column(name = "attempt_id", length = 36)
  private String attemptId;

  @Enumerated(EnumType.STRING)
  @Column(name = "attempt_kind", length = 16)
  private AttemptKind attemptKind;

  @Column(name = "attempt_pubkey", length = 64)
  private String attemptPubkey;

  @Column(name = "attempt_wallet_id", length = 36)
  private String attemptWalletId;

  @Column(name = "attempt_until")
  private OffsetDateTime attemptUntil;

  @Column(name = "maker_feedback", length = 2000)
  private String makerFeedback;

  @Column(name = "taker_response", length = 2000)
  private String takerResponse;

  @Column(name = "resolution", length = 16)
  private String resolution;

  @Column(name = "resolution_reason", length = 2000)
  private String resolutionReason;

  @Column(name = "resolved_by", length = 64)
  private String resolvedBy;

  @Enumerated(EnumType.STRING)
  @Column(name = "outcome", length = 24)
  private Outcome outcome;

  @Column(name = "receipt_at")
  private OffsetDateTime receiptAt;

  @Column(name = "audit_seq", nullable = false)
  private int auditSeq;

  @Column(name = "audit_head", nullable = false, length = 64)
  private String auditHead;

  @Column(name = "sweep_failures", nullable = false)
  private int sweepFailures;

  @Column(name = "sweep_retry_at")
  private OffsetDateTime sweepRetryAt;

  /** For JPA. */
  protected Offer() {}

  /**
   * A new offer in CREATED, priced with {@code quote}, due at {@code expiresAt}.
   *
   * @param maker the maker's session
   * @param fiatAmount the fiat amount in the currency's minor units
   */
  static Offer created(
      Trader maker,
      long fiatAmount,
      Currency currency,
      BigDecimal btcPrice,
      String qrCode,
      String fiatProvider,
      PriceQuote quote,
      OffsetDateTime now,
      OffsetDateTime expiresAt) {
    Offer o = new Offer();
    o.id = UUID.randomUUID().toString();
    o.status = OfferState.CREATED;
    o.makerPubkey = maker.pubkey().hex();
    o.makerSessionId = maker.sessionId();
    o.makerWalletId = maker.walletId().value();
    o.fiatAmount = fiatAmount;
    o.currency = currency.getCurrencyCode();
    o.btcPrice = btcPrice;
    o.qrCode = qrCode;
    o.fiatProvider = fiatProvider;
    o.sats = quote.sats();
    o.platformFee = quote.platformFee();
    o.takerFee = quote.takerFee();
    o.bond = quote.bond();
    o.funding = quote.makerFunding();
    o.createdAt = now;
    o.stateEnteredAt = now;
    o.expiresAt = expiresAt;
    o.auditSeq = 0;
    o.auditHead = AuditChain.GENESIS;
    return o;
  }

  public String id() {
    return id;
  }

  public OfferState status() {
    return status;
  }

  public String makerPubkey() {
    return makerPubkey;
  }

  public String makerSessionId() {
    return makerSessionId;
  }

  public String makerWalletId() {
    return makerWalletId;
  }

  /** The fiat amount in the currency's minor units. */
  public long fiatAmount() {
    return fiatAmount;
  }

  public Currency currency() {
    return Currency.getInstance(currency);
  }

  /** Fiat major units per bitcoin when the offer was created. */
  public BigDecimal btcPrice() {
    return btcPrice;
  }

  /** The bank QR code's payload, for the parties only. */
  public String qrCode() {
    return qrCode;
  }

  public Optional<String> fiatProvider() {
    return Optional.ofNullable(fiatProvider);
  }

  /** The frozen amounts: S, P, T and B. */
  public PriceQuote terms() {
    return new PriceQuote(sats, platformFee, takerFee, bond);
  }

  /** F, what the maker funds. */
  public long funding() {
    return funding;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  /** When the offer entered its current state. */
  public OffsetDateTime stateEnteredAt() {
    return stateEnteredAt;
  }

  /** When the current state's deadline passes, if one runs. */
  public Optional<OffsetDateTime> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  public Optional<FundingMethod> fundingMethod() {
    return Optional.ofNullable(fundingMethod);
  }

  /** The reservation owner of the escrow in the maker's wallet, once funded. */
  public Optional<String> escrowOwner() {
    return Optional.ofNullable(escrowOwner);
  }

  /** Mint fees paid while funding. */
  public long fundingFee() {
    return fundingFee;
  }

  /** The Lightning quote id: a bearer secret, for the watcher only. */
  public Optional<String> quoteId() {
    return Optional.ofNullable(quoteId);
  }

  public Optional<String> invoice() {
    return Optional.ofNullable(invoice);
  }

  public Optional<OffsetDateTime> quoteExpiresAt() {
    return Optional.ofNullable(quoteExpiresAt);
  }

  public Optional<QuoteWatch> quoteState() {
    return Optional.ofNullable(quoteState);
  }

  public Optional<OffsetDateTime> quoteNextCheckAt() {
    return Optional.ofNullable(quoteNextCheckAt);
  }

  public int quoteChecks() {
    return quoteChecks;
  }

  public Optional<String> takerPubkey() {
    return Optional.ofNullable(takerPubkey);
  }

  public Optional<String> takerSessionId() {
    return Optional.ofNullable(takerSessionId);
  }

  public Optional<String> takerWalletId() {
    return Optional.ofNullable(takerWalletId);
  }

  /** The reservation owner of the taker's bond in the taker's wallet, once claimed. */
  public Optional<String> bondOwner() {
    return Optional.ofNullable(bondOwner);
  }

  public long bondFee() {
    return bondFee;
  }

  public Optional<OffsetDateTime> claimedAt() {
    return Optional.ofNullable(claimedAt);
  }

  public Optional<String> attemptId() {
    return Optional.ofNullable(attemptId);
  }

  public Optional<AttemptKind> attemptKind() {
    return Optional.ofNullable(attemptKind);
  }

  public Optional<String> attemptPubkey() {
    return Optional.ofNullable(attemptPubkey);
  }

  public Optional<String> attemptWalletId() {
    return Optional.ofNullable(attemptWalletId);
  }

  public Optional<OffsetDateTime> attemptUntil() {
    return Optional.ofNullable(attemptUntil);
  }

  public Optional<String> makerFeedback() {
    return Optional.ofNullable(makerFeedback);
  }

  public Optional<String> takerResponse() {
    return Optional.ofNullable(takerResponse);
  }

  public Optional<String> resolution() {
    return Optional.ofNullable(resolution);
  }

  public Optional<String> resolutionReason() {
    return Optional.ofNullable(resolutionReason);
  }

  public Optional<String> resolvedBy() {
    return Optional.ofNullable(resolvedBy);
  }

  /** How the trade ended, once it did. */
  public Optional<Outcome> outcome() {
    return Optional.ofNullable(outcome);
  }

  public Optional<OffsetDateTime> receiptAt() {
    return Optional.ofNullable(receiptAt);
  }

  /** How many entries the audit log holds. */
  public int auditSeq() {
    return auditSeq;
  }

  /** The hash of the latest audit entry. */
  public String auditHead() {
    return auditHead;
  }

  public int sweepFailures() {
    return sweepFailures;
  }

  /** Which role {@code pubkey} plays in this offer, if any. */
  public Optional<Role> roleOf(String pubkey) {
    if (pubkey == null) {
      return Optional.empty();
    }
    if (pubkey.equals(makerPubkey)) {
      return Optional.of(Role.MAKER);
    }
    if (pubkey.equals(takerPubkey)) {
      return Optional.of(Role.TAKER);
    }
    return Optional.empty();
  }

  /** Enters {@code to} at {@code at}: its deadline (or none), the outcome of an end, no backoff. */
  void enter(OfferState to, OffsetDateTime at, OffsetDateTime deadline, Outcome end) {
    status = to;
    stateEnteredAt = at;
    expiresAt = deadline;
    sweepFailures = 0;
    sweepRetryAt = null;
    if (end != null) {
      outcome = end;
    }
  }

  /** Sets the attempt holding the offer; all null to clear it. */
  void attempt(String id, AttemptKind kind, String pubkey, String walletId, OffsetDateTime until) {
    attemptId = id;
    attemptKind = kind;
    attemptPubkey = pubkey;
    attemptWalletId = walletId;
    attemptUntil = until;
  }

  void maker(Trader maker) {
    makerSessionId = maker.sessionId();
    makerWalletId = maker.walletId().value();
  }

  void funding(FundingMethod method, String owner, long fee) {
    fundingMethod = method;
    escrowOwner = owner;
    fundingFee = fee;
  }

  void invoice(String quote, String bolt11, OffsetDateTime expires) {
    quoteId = quote;
    invoice = bolt11;
    quoteExpiresAt = expires;
  }

  void watch(QuoteWatch state, OffsetDateTime nextCheckAt, int checks) {
    quoteState = state;
    quoteNextCheckAt = nextCheckAt;
    quoteChecks = checks;
  }

  void taker(Trader taker, String owner, long fee, OffsetDateTime at) {
    takerPubkey = taker.pubkey().hex();
    takerSessionId = taker.sessionId();
    takerWalletId = taker.walletId().value();
    bondOwner = owner;
    bondFee = fee;
    claimedAt = at;
  }

  void receiptAt(OffsetDateTime at) {
    receiptAt = at;
  }

  void makerFeedback(String text) {
    makerFeedback = text;
  }

  void takerResponse(String text) {
    takerResponse = text;
  }

  void resolution(String name, String reason, String admin) {
    resolution = name;
    resolutionReason = reason;
    resolvedBy = admin;
  }

  void putAside(OffsetDateTime retryAt, int failures) {
    sweepRetryAt = retryAt;
    sweepFailures = failures;
  }

  /** When an offer whose expiry failed is tried again, if it was put aside. */
  Optional<OffsetDateTime> sweepRetryAt() {
    return Optional.ofNullable(sweepRetryAt);
  }

  /** A new line was appended to the audit chain. */
  void audited(int seq, String head) {
    auditSeq = seq;
    auditHead = head;
  }

  @Override
  public String toString() {
    return "Offer[" + id + " " + status + " " + fiatAmount + " " + currency + "]";
  }
}
