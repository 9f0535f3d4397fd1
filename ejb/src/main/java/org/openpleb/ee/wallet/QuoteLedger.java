package org.openpleb.ee.wallet;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.cashu.mint.MintException;
import org.openpleb.cashu.mint.MintQuoteResponse;
import org.openpleb.ee.idempotency.IdempotencyScope;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/**
 * The ledger of every mint quote the server asks for (#14 finding 6: invoices paid at the mint and
 * never minted because the server died between asking the mint and storing the deposit or offer). A
 * quote is recorded before the mint is asked and completed with the mint's answer before its
 * invoice goes anywhere; its deposit or offer marks it held in the transaction that stores it. The
 * sweep ({@link #unknownPaidQuotes()}) takes every quote left unheld after {@code
 * WALLET_QUOTE_GRACE}, asks the mint about it and, when it is paid, stores a deposit into its
 * wallet that the deposit crediting mints and credits to the wallet's owner, so no paid invoice is
 * lost. Unpaid ones are looked at again until their invoice expires; nobody was given them.
 *
 * <p>Quote ids are bearer secrets: they are stored sealed ({@link QuoteSeal}) and appear in no log
 * line; the log names the wallet, the purpose and the sats.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class QuoteLedger {

  private static final Logger LOG = Logger.getLogger(QuoteLedger.class.getName());

  /** Quotes looked at per sweep. */
  static final int BATCH = 100;

  /** How long one look may hold a quote before another may take it. */
  static final Duration CHECK_LEASE = Duration.ofMinutes(2);

  /** The longest wait between two looks at an unpaid quote. */
  static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  /** How long after its expiry an unpaid invoice is still asked about (clocks differ). */
  static final Duration EXPIRY_GRACE = Duration.ofMinutes(1);

  /** A quote whose mint gave no expiry is given up after this long unpaid. */
  static final Duration UNDATED_LIFETIME = Duration.ofDays(1);

  /** A recorded invoice is handed out again only if it stays payable this long. */
  static final Duration REUSE_MARGIN = Duration.ofMinutes(5);

  @EJB AskedQuoteRepository quotes;

  @EJB DepositRepository deposits;

  @EJB WalletRepository wallets;

  @EJB WalletRegistry registry;

  @EJB DepositCrediting crediting;

  @Inject LeasedWallets leased;

  @Inject MintConnection mint;

  @Inject QuoteLedgerConfig config;

  @Inject Clock clock;

  /**
   * Asks the mint for a quote of {@code amount} sats, recording it before the mint is asked and
   * with the mint's answer before it returns. The caller stores the quote on its holder with {@link
   * AskedQuoteRepository#hold} in the same transaction, then hands the invoice out.
   *
   * @param requestRef {@link #requestRef} of the asking request's Idempotency-Key scope, or null
   * @throws WalletOperationException as the mint refused or failed
   */
  public Asked ask(
      QuoteOwner owner, QuotePurpose purpose, String purposeId, String requestRef, long amount) {
    OffsetDateTime now = now();
    AskedQuote row =
        AskedQuote.asking(
            owner, purpose, purposeId, requestRef, amount, now, now.plus(config.grace()));
    quotes.add(row);
    LeasedWallets.MintInvoice invoice;
    try {
      invoice = leased.invoice(amount);
    } catch (WalletOperationException e) {
      if (e.getCause() instanceof MintException) {
        // the mint answered with a refusal: it created no quote
        quotes.forget(row.id());
      } else {
        // unreachable or timed out: a quote may exist that nobody will ever see
        quotes.end(row.id(), AskedQuoteState.LOST, now());
        LOG.log(
            Level.INFO,
            "A {0} quote of {1} sats for wallet {2} got no answer from the mint ({3}); no invoice"
                + " was handed out",
            new Object[] {purpose, amount, owner.walletId(), e.code()});
      }
      throw e;
    }
    QuoteSeal seal = registry.quoteSeal();
    if (!quotes.recordAnswer(
        row.id(),
        seal.ref(invoice.quote()),
        seal.seal(row.id(), invoice.quote()),
        invoice.request(),
        invoice.expiresAt(),
        now())) {
      // only a request slower than WALLET_QUOTE_GRACE gets here: the sweep ended it LOST
      LOG.log(
          Level.WARNING,
          "A {0} quote of {1} sats for wallet {2} was answered after the sweep gave it up; its"
              + " invoice is not handed out",
          new Object[] {purpose, amount, owner.walletId()});
      throw new DomainException(
          ProblemCode.MINT_UNAVAILABLE, "The mint answered too slowly; please try again");
    }
    return new Asked(row.id(), invoice.quote(), invoice.request(), amount, invoice.expiresAt());
  }

  /**
   * A quote asked for {@code purposeId} that nobody holds yet and whose invoice stays payable: a
   * retry after a crash hands out this one again instead of asking the mint for another.
   */
  public Optional<Asked> unheld(QuotePurpose purpose, String purposeId, long amount) {
    OffsetDateTime payableUntil = now().plus(REUSE_MARGIN);
    for (AskedQuote q : quotes.recordedFor(purpose, purposeId, amount)) {
      if (q.expiresAt().map(at -> at.isAfter(payableUntil)).orElse(true)) {
        return Optional.of(asked(q));
      }
    }
    return Optional.empty();
  }

  /**
   * The newest quote asked by the request of {@code scope} (an Idempotency-Key), if any: which
   * offer or deposit it is for and where it stands, so a retried request can be answered with what
   * the first one did. Holds no secret.
   */
  public Optional<QuoteHolding> ofRequest(IdempotencyScope scope) {
    return quotes.ofRequest(requestRef(scope)).stream().findFirst().map(QuoteHolding::of);
  }

  /**
   * The quote of a ledger row, its quote id opened, for the request that asked for it.
   *
   * @throws IllegalStateException when the row has no quote yet
   */
  Asked asked(AskedQuote q) {
    String sealed =
        q.quoteSealed().orElseThrow(() -> new IllegalStateException("no quote recorded yet"));
    return new Asked(
        q.id(),
        registry.quoteSeal().open(q.id(), sealed),
        q.invoice().orElseThrow(),
        q.amount(),
        q.expiresAt().orElse(null));
  }

  /**
   * Finds the mint quotes the server asked for that no offer or deposit holds (the server died, or
   * the holder's row was lost, between asking and storing), once {@code WALLET_QUOTE_GRACE} has
   * passed, and settles each: a paid one becomes a deposit into its wallet, credited to the
   * wallet's owner at once (or by the deposit watcher when the mint or wallet is busy); an unpaid
   * one is looked at again until it expires; one whose mint answer was lost is written off, as no
   * invoice of it was handed out. Each is logged as a WARNING with its wallet and sats, never the
   * quote id. Safe to run on several servers and several times at once: every step is a
   * compare-and-set, and a quote is minted at most once.
   *
   * @return what this run found
   */
  public QuoteSweep unknownPaidQuotes() {
    OffsetDateTime now = now();
    QuoteSweep.Tally tally = new QuoteSweep.Tally();
    for (String id : quotes.dueIds(now, BATCH)) {
      try {
        look(id, now, tally);
      } catch (RuntimeException e) {
        // one quote (a sealed value that does not open, a database hiccup) must not stop the rest
        LOG.log(Level.WARNING, "Looking at an unheld mint quote (row " + id + ") failed", e);
      }
    }
    return tally.done();
  }

  private void look(String id, OffsetDateTime now, QuoteSweep.Tally tally) {
    if (!quotes.claim(id, now, now.plus(CHECK_LEASE))) {
      return;
    }
    AskedQuote q = quotes.find(id).orElseThrow();
    tally.looked();
    if (q.state() == AskedQuoteState.ASKING) {
      if (quotes.end(id, AskedQuoteState.LOST, now())) {
        tally.lost();
        LOG.log(
            Level.WARNING,
            "A {0} quote of {1} sats for wallet {2} ({3}) was asked at {4} and the mint''s answer"
                + " was lost with its request: no invoice of it was handed out",
            new Object[] {q.purpose(), q.amount(), q.walletId(), q.purposeId(), q.createdAt()});
      }
      return;
    }
    String quoteId = registry.quoteSeal().open(q.id(), q.quoteSealed().orElseThrow());
    MintQuoteResponse state;
    try {
      state = mint.client().mintQuote(quoteId);
    } catch (MintException unknown) {
      leased.countMintError(unknown);
      if (quotes.end(id, AskedQuoteState.FAILED, now())) {
        tally.failed();
        LOG.log(
            Level.WARNING,
            "An unheld {0} quote of {1} sats for wallet {2} ({3}) is refused by the mint: {4}",
            new Object[] {
              q.purpose(), q.amount(), q.walletId(), q.purposeId(), unknown.error().name()
            });
      }
      return;
    } catch (RuntimeException unreachable) {
      leased.countMintError(unreachable);
      quotes.reschedule(id, now().plus(backoff(q.checks())), now());
      return;
    }
    switch (state.state()) {
      case UNPAID -> unpaid(q, now, tally);
      case PAID, ISSUED -> adopt(q, quoteId, tally);
    }
  }

  private void unpaid(AskedQuote q, OffsetDateTime now, QuoteSweep.Tally tally) {
    OffsetDateTime giveUpAt =
        q.expiresAt().map(at -> at.plus(EXPIRY_GRACE)).orElse(q.createdAt().plus(UNDATED_LIFETIME));
    if (now.isAfter(giveUpAt)) {
      if (quotes.end(q.id(), AskedQuoteState.LAPSED, now())) {
        tally.lapsed();
        LOG.log(
            Level.WARNING,
            "An unheld {0} quote of {1} sats for wallet {2} ({3}) expired unpaid",
            new Object[] {q.purpose(), q.amount(), q.walletId(), q.purposeId()});
      }
      return;
    }
    tally.unpaid();
    quotes.reschedule(q.id(), now().plus(backoff(q.checks())), now());
  }

  /**
   * A paid quote nobody holds: stored as a deposit into its wallet (under the deposit's own id when
   * the quote was asked for a deposit), which the deposit crediting mints exactly once.
   */
  private void adopt(AskedQuote q, String quoteId, QuoteSweep.Tally tally) {
    QuoteOwner owner = q.owner();
    if (wallets.find(owner.walletId()).isEmpty()) {
      wallets.addIfAbsent(
          StoredWallet.forSession(owner.walletId(), owner.pubkey(), owner.sessionId(), now()));
    }
    String depositId =
        q.purpose() == QuotePurpose.DEPOSIT && deposits.find(q.purposeId()).isEmpty()
            ? q.purposeId()
            : UUID.randomUUID().toString();
    Deposit deposit =
        Deposit.pending(
            depositId,
            owner.walletId(),
            owner.pubkey(),
            quoteId,
            q.invoice().orElseThrow(),
            q.amount(),
            now(),
            q.expiresAt().orElse(null));
    if (!quotes.adopt(q.id(), deposit, now())) {
      return;
    }
    tally.adopted(q.amount());
    LOG.log(
        Level.WARNING,
        "A paid {0} quote of {1} sats for wallet {2} ({3}) had no {4} holding it: credited to the"
            + " wallet as deposit {5}",
        new Object[] {
          q.purpose(),
          q.amount(),
          owner.walletId(),
          q.purposeId(),
          q.purpose() == QuotePurpose.OFFER ? "offer" : "deposit",
          depositId
        });
    try {
      crediting.check(depositId);
    } catch (RuntimeException e) {
      // the deposit is stored and due: the deposit watcher credits it on its next tick
      LOG.log(Level.WARNING, "Deposit " + depositId + " is left to the deposit watcher", e);
    }
  }

  /** The wait before the next look at an unpaid quote: the grace doubling, up to five minutes. */
  Duration backoff(int checks) {
    long millis = config.grace().toMillis() << Math.min(10, Math.max(0, checks - 1));
    return millis >= MAX_BACKOFF.toMillis() ? MAX_BACKOFF : Duration.ofMillis(millis);
  }

  /**
   * The hash a quote row keeps of the Idempotency-Key scope of the request that asked for it:
   * SHA-256 (hex) of user, endpoint and key, so a retried request finds its quote.
   */
  public static String requestRef(IdempotencyScope scope) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      String text = String.join("\n", "mint quote request", scope.pubkey(), scope.endpoint());
      return HexFormat.of()
          .formatHex(sha256.digest((text + "\n" + scope.key()).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * A quote the ledger recorded: its row, the quote id (a bearer secret, left out of {@link
   * #toString()}), the invoice to hand out, its sats and expiry.
   */
  public record Asked(
      String recordId, String quoteId, String invoice, long amount, OffsetDateTime expiresAt) {
    @Override
    public String toString() {
      return "Asked[" + recordId + ", " + amount + " sats]";
    }
  }

  /**
   * What a request's quote is for and where it stands, without the quote id.
   *
   * @param depositId the deposit that credited it after it was found without its holder, if so
   */
  public record QuoteHolding(
      QuotePurpose purpose,
      String purposeId,
      AskedQuoteState state,
      long amount,
      Optional<String> depositId) {
    static QuoteHolding of(AskedQuote q) {
      return new QuoteHolding(q.purpose(), q.purposeId(), q.state(), q.amount(), q.depositId());
    }
  }
}
