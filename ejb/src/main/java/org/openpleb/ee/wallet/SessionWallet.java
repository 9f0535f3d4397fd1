package org.openpleb.ee.wallet;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.AccessTimeout;
import jakarta.ejb.PrePassivate;
import jakarta.ejb.Remove;
import jakarta.ejb.Stateful;
import jakarta.ejb.StatefulTimeout;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.cashu.mint.MintClient;
import org.openpleb.cashu.wallet.MeltResult;
import org.openpleb.cashu.wallet.MintResult;
import org.openpleb.cashu.wallet.ReceiveOptions;
import org.openpleb.cashu.wallet.ReceiveResult;
import org.openpleb.cashu.wallet.Reservation;
import org.openpleb.cashu.wallet.ReservedProof;
import org.openpleb.cashu.wallet.SendOptions;
import org.openpleb.cashu.wallet.SendResult;
import org.openpleb.cashu.wallet.Wallet;
import org.openpleb.cashu.wallet.WalletLimits;
import org.openpleb.ee.platform.ProblemCode;

/**
 * A wallet handle: one session wallet opened from its SQLite file, holding the file's connection
 * until the {@link WalletRegistry} closes it ({@link #close()}, a {@code @Remove} method). Only the
 * registry creates handles and hands them out, pinned, through a {@link WalletLease}.
 *
 * <p>Never passivated: the container must not serialize the open connection. The bean is declared
 * passivation capable only because Payara cannot monitor a stateful bean that is not (it logs a
 * SEVERE "Could not create MonitorRegistryMediator" at every deployment: such a bean has no backing
 * store, whose size the monitoring reads); what keeps it in memory is its descriptor ({@code
 * glassfish-ejb-jar.xml}: an unbounded cache without idle passivation, no availability
 * checkpoints). Should a container passivate it anyway, {@link #beforePassivation()} closes the
 * file first and the handle comes back unusable, so the registry reopens the wallet. It never times
 * out on its own either; the registry's idle limit decides. Calls on one handle are serialized by
 * the container, so the balance read after an operation is the balance that operation left.
 *
 * <p>Every failure leaves as a {@link WalletOperationException}, an application exception: any
 * other exception would make the container discard the bean without closing its file. A handle that
 * met an {@link Error} or an unexpected failure closes its file and refuses all further work
 * ({@link #usable()} turns false), so the registry discards it and reopens the file cleanly on the
 * next use instead of handing out a dead handle.
 */
@Stateful
@StatefulTimeout(-1)
@AccessTimeout(value = 2, unit = TimeUnit.MINUTES)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SessionWallet {

  private static final Logger LOG = Logger.getLogger(SessionWallet.class.getName());

  private transient Wallet wallet;
  private String walletId;
  private transient Clock clock;
  private volatile boolean failed;

  /**
   * Opens the wallet file (creating it when new) and recovers any operation a crash left open.
   *
   * @param seed the wallet's 64-byte NUT-13 seed; not kept by this bean
   * @param limits the most a token may carry and one operation may move
   */
  public void open(
      String walletId,
      Path file,
      String mintUrl,
      byte[] seed,
      MintClient mint,
      Clock clock,
      WalletLimits limits) {
    if (wallet != null) {
      throw new IllegalStateException("handle already open");
    }
    this.walletId = walletId;
    this.clock = clock;
    this.wallet =
        guarded(false, () -> Wallet.builder(file, mintUrl, seed, mint).limits(limits).open());
  }

  /**
   * Whether the handle can still work: open, and never hit by an error or an unexpected failure.
   */
  public boolean usable() {
    return wallet != null && !failed;
  }

  /** The id of the open wallet. */
  public String walletId() {
    return walletId;
  }

  /** The balance now, from the wallet file alone (no mint call). */
  public BalanceReading balance() {
    return guarded(
        false,
        () -> {
          OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
          return new BalanceReading(WalletBalance.of(wallet.balance()), at);
        });
  }

  /** Mints a paid Lightning deposit (idempotent: a quote minted before returns that result). */
  public MintResult mintPaidQuote(String quoteId) {
    return guarded(false, () -> wallet.mintPaidQuote(quoteId));
  }

  /**
   * Mints a paid Lightning invoice reserved for {@code owner} (e.g. an offer's escrow); idempotent
   * like {@link #mintPaidQuote(String)}.
   */
  public MintResult mintPaidQuote(String quoteId, String owner) {
    return guarded(false, () -> wallet.mintPaidQuote(quoteId, owner));
  }

  /** Receives a token into spendable sats. */
  public ReceiveResult receive(String token) {
    return guarded(true, () -> wallet.receive(token));
  }

  /** Receives a token as {@code options} say (e.g. reserved for an owner). */
  public ReceiveResult receive(String token, ReceiveOptions options) {
    return guarded(true, () -> wallet.receive(token, options));
  }

  /** Sets exactly {@code amount} spendable sats aside for {@code owner}. */
  public Reservation reserve(long amount, String owner) {
    return guarded(false, () -> wallet.reserve(amount, owner));
  }

  /** Makes everything reserved for {@code owner} spendable again; returns the sats released. */
  public long release(String owner) {
    return guarded(false, () -> wallet.release(owner));
  }

  /** The sats reserved for {@code owner}. */
  public long reservedFor(String owner) {
    return guarded(false, () -> wallet.reservedFor(owner));
  }

  /** The proofs reserved for {@code owner}, by {@code Y} and amount (no secret leaves). */
  public List<ReservedProof> reservedProofs(String owner) {
    return guarded(false, () -> wallet.reservedProofs(owner));
  }

  /** Makes a token of everything reserved for {@code owner}. */
  public SendResult sendReserved(String owner, SendOptions options) {
    return guarded(false, () -> wallet.sendReserved(owner, options));
  }

  /** Makes a token of {@code amount} sats out of {@code owner}'s reservation. */
  public SendResult sendReserved(String owner, long amount, SendOptions options) {
    return guarded(false, () -> wallet.sendReserved(owner, amount, options));
  }

  /** Tokens this wallet made that are not known to be claimed yet, oldest first. */
  public List<SendResult> outstandingTokens() {
    return guarded(false, () -> wallet.outstandingTokens());
  }

  /** Takes back the unclaimed part of a token this wallet made (by token or operation id). */
  public ReceiveResult reclaim(String tokenOrOperationId) {
    return guarded(false, () -> wallet.reclaim(tokenOrOperationId));
  }

  /** Makes a token of {@code amount} sats from spendable sats. */
  public SendResult send(long amount, SendOptions options) {
    return guarded(false, () -> wallet.send(amount, options));
  }

  /** Pays a BOLT11 invoice from spendable sats. */
  public MeltResult melt(String invoice) {
    return guarded(false, () -> wallet.melt(invoice));
  }

  /**
   * Makes a token of {@code amount} sats from spendable sats, journaled under {@code operationId}
   * so {@link #sent(String)} finds it again.
   */
  public SendResult send(long amount, SendOptions options, String operationId) {
    return guarded(false, () -> wallet.send(amount, options, operationId));
  }

  /** The token of the send journaled under {@code operationId}; empty if none happened. */
  public Optional<SendResult> sent(String operationId) {
    return guarded(false, () -> wallet.sent(operationId));
  }

  /** Pays a BOLT11 invoice, journaled under {@code operationId} so {@link #melted} finds it. */
  public MeltResult melt(String invoice, String operationId) {
    return guarded(false, () -> wallet.melt(invoice, operationId));
  }

  /** Where the payment journaled under {@code operationId} stands; empty if none was made. */
  public Optional<MeltResult> melted(String operationId) {
    return guarded(false, () -> wallet.melted(operationId));
  }

  /** Settles withdrawn tokens the mint reports claimed; returns how many. */
  public int reconcileInflight() {
    return guarded(false, () -> wallet.reconcileInflight());
  }

  /** Whether the journal holds unfinished operations (payments in flight, interrupted ones). */
  public boolean hasOpenOperations() {
    return guarded(false, () -> wallet.hasOpenOperations());
  }

  /** Whether an operation runs on this wallet right now. */
  public boolean busy() {
    return wallet != null && wallet.busy();
  }

  /** Closes the wallet file and ends this handle. */
  @Remove
  public void close() {
    release();
  }

  @PreDestroy
  void release() {
    Wallet open = wallet;
    wallet = null;
    if (open != null) {
      try {
        open.close();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Closing wallet " + walletId + " failed", e);
      }
    }
  }

  /**
   * The descriptor rules passivation out; if a container does it anyway, the file is closed rather
   * than serialized and the handle stays unusable after activation.
   */
  @PrePassivate
  void beforePassivation() {
    LOG.log(Level.WARNING, "Wallet {0} is being passivated; its handle is discarded", walletId);
    fail();
  }

  private <T> T guarded(boolean receiving, Supplier<T> work) {
    if (failed) {
      throw new WalletOperationException(
          ProblemCode.INTERNAL_ERROR, "The wallet failed unexpectedly", null, null);
    }
    try {
      return work.get();
    } catch (RuntimeException e) {
      WalletOperationException refused = WalletOperationException.of(e, receiving);
      if (refused.walletFailed()) {
        LOG.log(Level.SEVERE, "Wallet " + walletId + " failed unexpectedly", e);
        fail();
      }
      throw refused;
    } catch (Error e) {
      // Not rethrown: the container would discard this bean with its file open and the registry
      // would keep handing out the dead reference. The wallet's journal makes a reopen safe.
      fail();
      LOG.log(Level.SEVERE, "Wallet " + walletId + " met an error; its handle is discarded", e);
      throw WalletOperationException.crashed(e);
    }
  }

  /** Marks the handle unusable and closes its file; the registry reopens it on the next use. */
  private void fail() {
    failed = true;
    release();
  }

  @Override
  public String toString() {
    return "SessionWallet[" + walletId + (wallet == null ? ", closed" : "") + "]";
  }
}
