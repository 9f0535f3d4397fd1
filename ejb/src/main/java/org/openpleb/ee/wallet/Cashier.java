package org.openpleb.ee.wallet;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.cashu.wallet.MeltResult;
import org.openpleb.cashu.wallet.ReceiveResult;
import org.openpleb.cashu.wallet.SendOptions;
import org.openpleb.cashu.wallet.SendResult;
import org.openpleb.ee.idempotency.IdempotencyScope;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.session.SessionPrincipal;

/**
 * Moves a session's money in and out of its wallet: Lightning deposits (an invoice the watcher
 * credits once paid), token deposits, token withdrawals (optionally locked to the session's key)
 * and Lightning withdrawals, the last two also from the user's dormant wallets. Reads come from the
 * balance snapshots; only a money movement opens a wallet, and every movement writes the snapshot
 * afterwards, whether it succeeded or not.
 *
 * <p>Runs outside transactions: mint calls may take seconds, and each database step commits on its
 * own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Cashier {

  private static final Logger LOG = Logger.getLogger(Cashier.class.getName());

  /** No amount can exceed all bitcoin there will ever be. */
  static final long MAX_SATS = 2_100_000_000_000_000L;

  @Inject LeasedWallets leased;

  @EJB WalletRepository wallets;

  @EJB DepositRepository deposits;

  @EJB AskedQuoteRepository askedQuotes;

  @EJB QuoteLedger ledger;

  @EJB SentTokenRepository sentTokens;

  @EJB DepositCrediting crediting;

  @Inject InvoiceLooks looks;

  @Inject WalletConfig config;

  @Inject Clock clock;

  /** The session's balance and the user's dormant wallets, without opening any wallet. */
  public WalletOverview overview(SessionPrincipal session) {
    WalletBalance own =
        wallets.find(session.walletId()).map(StoredWallet::balance).orElse(WalletBalance.ZERO);
    return new WalletOverview(
        session.walletId(),
        own,
        wallets.dormantOf(session.pubkey()).stream()
            .filter(w -> !w.walletId().equals(session.walletId()))
            .map(DormantWallet::of)
            .toList());
  }

  /**
   * Asks the mint for an invoice of {@code amount} sats for the session's wallet. The wallet is not
   * opened: the deposit watcher mints the ecash once the invoice is paid.
   */
  public Deposit requestLightningDeposit(SessionPrincipal session, long amount) {
    return requestLightningDeposit(session, amount, null);
  }

  /**
   * Asks the mint for an invoice of {@code amount} sats for the session's wallet, recorded in the
   * quote ledger before the mint is asked and held by the deposit before it is returned, so no
   * invoice is handed out that the server could lose. A request retried with the same
   * Idempotency-Key after its first run died gets that run's deposit and invoice, never a second
   * quote.
   *
   * @param request the request's Idempotency-Key scope, or null when it carried none
   */
  public Deposit requestLightningDeposit(
      SessionPrincipal session, long amount, IdempotencyScope request) {
    requireAmount(amount);
    ensureRecorded(session);
    String requestRef = request == null ? null : QuoteLedger.requestRef(request);
    if (requestRef != null) {
      Optional<Deposit> earlier = earlierDeposit(session, amount, requestRef);
      if (earlier.isPresent()) {
        LOG.log(
            Level.INFO,
            "Deposit {0}: a retried request of session {1} gets its first invoice again",
            new Object[] {earlier.get().id(), session.sessionId()});
        return earlier.get();
      }
    }
    String depositId = UUID.randomUUID().toString();
    QuoteLedger.Asked asked =
        ledger.ask(owner(session), QuotePurpose.DEPOSIT, depositId, requestRef, amount);
    return store(session, depositId, asked);
  }

  /** What the first run of a retried deposit request left, if anything. */
  private Optional<Deposit> earlierDeposit(
      SessionPrincipal session, long amount, String requestRef) {
    Optional<AskedQuote> newest =
        askedQuotes.ofRequest(requestRef).stream()
            .filter(
                q ->
                    q.purpose() == QuotePurpose.DEPOSIT
                        && q.walletId().equals(session.walletId())
                        && q.amount() == amount)
            .findFirst();
    if (newest.isEmpty()) {
      return Optional.empty();
    }
    AskedQuote q = newest.get();
    return switch (q.state()) {
      case HELD, ADOPTED ->
          deposits
              .find(q.depositId().orElse(q.purposeId()))
              .filter(d -> d.pubkey().equals(session.pubkey()));
      case RECORDED ->
          ledger
              .unheld(QuotePurpose.DEPOSIT, q.purposeId(), amount)
              .map(asked -> store(session, q.purposeId(), asked));
      default -> Optional.empty();
    };
  }

  /** Stores the deposit holding the recorded quote; returns what the database then holds. */
  private Deposit store(SessionPrincipal session, String depositId, QuoteLedger.Asked asked) {
    Deposit deposit =
        Deposit.pending(
            depositId,
            session.walletId(),
            session.pubkey(),
            asked.quoteId(),
            asked.invoice(),
            asked.amount(),
            now(),
            asked.expiresAt());
    if (!deposits.addHolding(deposit, asked.recordId(), now())) {
      // the quote sweep took the quote meanwhile; it credits it under this deposit's id
      return deposits
          .find(depositId)
          .orElseThrow(
              () ->
                  new DomainException(
                      ProblemCode.CONFLICT, "This deposit was taken over meanwhile; ask again"));
    }
    crediting.subscribe(deposit);
    LOG.log(
        Level.INFO,
        "Deposit {0}: invoice of {1} sats for wallet {2} of session {3}",
        new Object[] {deposit.id(), asked.amount(), session.walletId(), session.sessionId()});
    return deposit;
  }

  private static QuoteOwner owner(SessionPrincipal session) {
    return new QuoteOwner(session.walletId(), session.pubkey(), session.sessionId());
  }

  /** One of the user's deposits, as the watcher last left it. */
  public Deposit deposit(SessionPrincipal session, String depositId) {
    String id = depositId == null ? "" : depositId.trim().toLowerCase(Locale.ROOT);
    Deposit deposit =
        deposits
            .find(id)
            .filter(d -> d.pubkey().equals(session.pubkey()))
            .orElseThrow(
                () ->
                    new DomainException(ProblemCode.NOT_FOUND, "You have no deposit with this id"));
    if (!deposit.state().open()) {
      return deposit;
    }
    // its owner is asking: look at the invoice now rather than at the watcher's next tick
    if (looks.lookNow("deposit:" + id, session.pubkey(), () -> crediting.checkNow(id))) {
      return deposits.find(id).orElse(deposit);
    }
    return deposit;
  }

  /** Receives a Cashu token into the session's wallet. */
  public TokenReceipt depositToken(SessionPrincipal session, String token) {
    if (token == null || token.isBlank()) {
      throw new DomainException(ProblemCode.VALIDATION_FAILED, "token is required");
    }
    ensureRecorded(session);
    ReceiveResult received =
        leased.run(session.walletId(), w -> w.receive(token.trim()), snapshotFor(session));
    LOG.log(
        Level.INFO,
        "Wallet {0} received a token of {1} sats (fee {2})",
        new Object[] {session.walletId(), received.amount(), received.fee()});
    return new TokenReceipt(received.amount(), received.fee(), balanceOf(session.walletId()));
  }

  /**
   * Makes a Cashu token of {@code amount} sats from the session's wallet or one of the user's
   * dormant wallets; locked, when asked, to the session's key (so only its holder can claim it).
   *
   * @param walletId a dormant wallet of the user, or null for the session's own wallet
   */
  public TokenWithdrawal withdrawToken(
      SessionPrincipal session, long amount, boolean lockToSessionKey, String walletId) {
    return withdrawToken(session, amount, lockToSessionKey, walletId, UUID.randomUUID().toString());
  }

  /**
   * Makes a Cashu token as {@link #withdrawToken(SessionPrincipal, long, boolean, String)} does,
   * under {@code requestId}: the token is recorded as sent (a {@link SentToken}) before the wallet
   * makes it, and the wallet journals its send under that id, so the token is never out of its
   * owner's reach: {@link #recoverTokenWithdrawal} finds it again after a crash, and the owner can
   * list and reclaim it ({@link SentTokens}).
   *
   * @param requestId a new id (a random UUID): the wallet operation's id
   */
  public TokenWithdrawal withdrawToken(
      SessionPrincipal session,
      long amount,
      boolean lockToSessionKey,
      String walletId,
      String requestId) {
    requireAmount(amount);
    String source = sourceWallet(session, walletId);
    String lock = lockOf(session, lockToSessionKey);
    SendOptions options =
        lock == null ? SendOptions.defaults() : SendOptions.defaults().lockedTo(lock);
    SentToken record =
        SentToken.unclaimed(
            UUID.randomUUID().toString(), session.pubkey(), source, requestId, amount, now());
    sentTokens.add(record);
    SendResult sent;
    try {
      sent = leased.run(source, w -> w.send(amount, options, requestId), snapshotFor(session));
    } catch (RuntimeException e) {
      forgetUnsent(record, e);
      throw e;
    }
    LOG.log(
        Level.INFO,
        "Wallet {0} withdrew a token of {1} sats (fee {2}{3}) for session {4}",
        new Object[] {
          source, sent.amount(), sent.fee(), lock == null ? "" : ", locked", session.sessionId()
        });
    WalletBalance after = balanceOf(source);
    return new TokenWithdrawal(source, sent.token(), sent.amount(), sent.fee(), lock, after);
  }

  /**
   * The withdrawal a dead execution made under {@code requestId}, rebuilt from the wallet's journal
   * with the same token: empty when no token was made (the request may run afresh).
   *
   * @throws DomainException IDEMPOTENCY_IN_PROGRESS for a request that recorded no id (it cannot be
   *     told), or the wallet's failure when the mint cannot settle the send's outcome now
   */
  public Optional<TokenWithdrawal> recoverTokenWithdrawal(
      SessionPrincipal session, boolean lockToSessionKey, String requestId) {
    Optional<SentToken> record =
        sentTokens
            .byOperation(requireRequestId(requestId))
            .filter(t -> t.pubkey().equals(session.pubkey()));
    if (record.isEmpty()) {
      // the row is written before the wallet sends: without it no token was made
      return Optional.empty();
    }
    SentToken row = record.get();
    Optional<SendResult> sent =
        leased.run(row.walletId(), w -> w.sent(requestId), snapshotFor(session));
    if (sent.isEmpty()) {
      sentTokens.delete(row.id());
      return Optional.empty();
    }
    SendResult token = sent.get();
    LOG.log(
        Level.INFO,
        "Wallet {0}: the token of an interrupted withdrawal ({1} sats) is answered again",
        new Object[] {row.walletId(), token.amount()});
    return Optional.of(
        new TokenWithdrawal(
            row.walletId(),
            token.token(),
            token.amount(),
            token.fee(),
            lockOf(session, lockToSessionKey),
            balanceOf(row.walletId())));
  }

  /**
   * Pays a BOLT11 invoice from the session's wallet or one of the user's dormant wallets.
   *
   * @param walletId a dormant wallet of the user, or null for the session's own wallet
   */
  public LightningWithdrawal withdrawLightning(
      SessionPrincipal session, String invoice, String walletId) {
    return withdrawLightning(session, invoice, walletId, UUID.randomUUID().toString());
  }

  /**
   * Pays a BOLT11 invoice as {@link #withdrawLightning(SessionPrincipal, String, String)} does, the
   * wallet journaling the payment under {@code requestId} so {@link #recoverLightningWithdrawal}
   * finds it again after a crash.
   *
   * @param requestId a new id (a random UUID): the wallet operation's id
   */
  public LightningWithdrawal withdrawLightning(
      SessionPrincipal session, String invoice, String walletId, String requestId) {
    String bolt11 = invoice == null ? "" : invoice.trim();
    if (bolt11.isEmpty()) {
      throw new DomainException(ProblemCode.VALIDATION_FAILED, "invoice is required");
    }
    if (!bolt11.toLowerCase(Locale.ROOT).startsWith("ln") || bolt11.length() > 4000) {
      throw new DomainException(
          ProblemCode.VALIDATION_FAILED, "invoice must be a BOLT11 Lightning invoice");
    }
    String source = sourceWallet(session, walletId);
    MeltResult paid = leased.run(source, w -> w.melt(bolt11, requestId), snapshotFor(session));
    LOG.log(
        Level.INFO,
        "Wallet {0} paid an invoice of {1} sats: {2} (fee {3}, change {4}) for session {5}",
        new Object[] {
          source, paid.amount(), paid.status(), paid.fee(), paid.change(), session.sessionId()
        });
    return lightningWithdrawal(source, paid);
  }

  /**
   * The Lightning payment a dead execution made under {@code requestId}, as it stands now (PAID,
   * PENDING or FAILED, asking the mint if it is still open), looked up in the wallet the request
   * names and then in the user's dormant wallets: empty when none was journaled (no sats moved).
   *
   * @throws DomainException IDEMPOTENCY_IN_PROGRESS for a request that recorded no id, or the
   *     wallet's failure when the mint cannot be asked now
   */
  public Optional<LightningWithdrawal> recoverLightningWithdrawal(
      SessionPrincipal session, String walletId, String requestId) {
    requireRequestId(requestId);
    Set<String> candidates = new LinkedHashSet<>();
    try {
      candidates.add(sourceWallet(session, walletId));
    } catch (DomainException noSuchWallet) {
      // the named wallet is gone or empty: the user's other wallets may still hold the payment
    }
    wallets.dormantOf(session.pubkey()).forEach(w -> candidates.add(w.walletId()));
    for (String candidate : candidates) {
      Optional<MeltResult> paid =
          leased.run(candidate, w -> w.melted(requestId), snapshotFor(session));
      if (paid.isPresent()) {
        LOG.log(
            Level.INFO,
            "Wallet {0}: an interrupted Lightning withdrawal is answered again ({1})",
            new Object[] {candidate, paid.get().status()});
        return Optional.of(lightningWithdrawal(candidate, paid.get()));
      }
    }
    return Optional.empty();
  }

  private LightningWithdrawal lightningWithdrawal(String source, MeltResult paid) {
    return new LightningWithdrawal(
        source,
        paid.status(),
        paid.amount(),
        paid.fee(),
        paid.change(),
        paid.preimage(),
        balanceOf(source));
  }

  private static String lockOf(SessionPrincipal session, boolean lockToSessionKey) {
    return lockToSessionKey ? "02" + session.pubkey() : null;
  }

  private static String requireRequestId(String requestId) {
    if (requestId == null) {
      // claimed by a version that linked no wallet operation to its key: nothing tells
      throw new DomainException(
          ProblemCode.IDEMPOTENCY_IN_PROGRESS,
          "The first request with this Idempotency-Key cannot be checked; use a new key after"
              + " looking at the wallet");
    }
    return requestId;
  }

  /**
   * Forgets the sent-token row of a send that failed before the wallet made anything; a send whose
   * outcome is unknown keeps it (the owner's list shows the token if it was made).
   */
  private void forgetUnsent(SentToken record, RuntimeException failure) {
    boolean unknown =
        !(failure instanceof DomainException refused)
            || refused.code() == ProblemCode.OPERATION_IN_DOUBT
            || refused.code() == ProblemCode.INTERNAL_ERROR;
    if (unknown) {
      return;
    }
    try {
      sentTokens.delete(record.id());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot forget the record of a token that was not made", e);
    }
  }

  /**
   * The wallet a withdrawal takes from: the session's own, or a dormant one of the same user. A
   * session whose wallet never held anything has nothing to withdraw, and its wallet is not opened.
   */
  private String sourceWallet(SessionPrincipal session, String requested) {
    if (requested == null
        || requested.isBlank()
        || requested.trim().equalsIgnoreCase(session.walletId())) {
      if (wallets.find(session.walletId()).isEmpty()) {
        throw new DomainException(
            ProblemCode.INSUFFICIENT_FUNDS, "This session's wallet holds nothing yet");
      }
      return session.walletId();
    }
    if (!WalletIds.isWellFormed(requested.trim())) {
      throw new DomainException(ProblemCode.VALIDATION_FAILED, "walletId must be a wallet id");
    }
    String id = WalletIds.require(requested.trim());
    return wallets
        .find(id)
        .filter(w -> w.pubkey().equals(session.pubkey()) && w.state() == WalletState.DORMANT)
        .map(StoredWallet::walletId)
        .orElseThrow(
            () ->
                new DomainException(
                    ProblemCode.NOT_FOUND, "You have no dormant wallet with this id"));
  }

  /** Records the session's wallet the first time money moves through it. */
  private void ensureRecorded(SessionPrincipal session) {
    if (wallets.find(session.walletId()).isEmpty()) {
      wallets.addIfAbsent(
          StoredWallet.forSession(
              session.walletId(), session.pubkey(), session.sessionId(), now()));
    }
  }

  /**
   * Where the balance after a movement goes: the wallet's row. A wallet whose row vanished
   * meanwhile (its session ended and it was judged empty while this operation began) is recorded
   * again as dormant, so no value is ever left unlisted.
   */
  private LeasedWallets.BalanceSnapshot snapshotFor(SessionPrincipal session) {
    return (walletId, reading) -> {
      if (wallets.recordBalance(walletId, reading.balance(), reading.at())) {
        return;
      }
      if (wallets.find(walletId).isEmpty() && reading.balance().total() > 0) {
        LOG.log(Level.WARNING, "Wallet {0} had lost its row; recorded again as dormant", walletId);
        wallets.addIfAbsent(
            StoredWallet.forSession(walletId, session.pubkey(), session.sessionId(), reading.at()));
        wallets.recordBalance(walletId, reading.balance(), reading.at());
        wallets.markDormant(walletId, reading.at());
      }
    };
  }

  private WalletBalance balanceOf(String walletId) {
    return wallets.find(walletId).map(StoredWallet::balance).orElse(WalletBalance.ZERO);
  }

  private void requireAmount(long amount) {
    if (amount <= 0 || amount > MAX_SATS) {
      throw new DomainException(
          ProblemCode.VALIDATION_FAILED, "amount must be a whole number of sats above 0");
    }
    // an invoice the wallet may not mint afterwards must never be handed out
    long max = config.limits().maxAmount();
    if (amount > max) {
      throw new DomainException(
          ProblemCode.VALIDATION_FAILED,
          "amount must be at most " + max + " sats (WALLET_MAX_TOKEN_SATS)");
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
