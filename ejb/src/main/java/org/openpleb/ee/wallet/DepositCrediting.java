package org.openpleb.ee.wallet;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.cashu.mint.MintError;
import org.openpleb.cashu.mint.MintException;
import org.openpleb.cashu.mint.MintQuoteResponse;
import org.openpleb.cashu.wallet.MintResult;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/**
 * One look at one Lightning deposit, on behalf of the {@link DepositWatcher}: asks the mint whether
 * its invoice is paid and, once it is, opens the wallet and mints the ecash into it. Idempotent and
 * safe on several servers: a deposit is taken for a check by a compare-and-set on its next check
 * time, and minting a quote the wallet minted before returns that result.
 *
 * <p>Unpaid deposits are checked again with a growing backoff, from {@code
 * WALLET_DEPOSIT_POLL_INTERVAL} up to a minute, and at once when the mint says over NUT-17 that the
 * invoice is paid ({@link #subscribe}); an invoice that expired unpaid ends the deposit. Quote ids
 * never reach a log line.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DepositCrediting {

  private static final Logger LOG = Logger.getLogger(DepositCrediting.class.getName());

  /** How long one check may hold a deposit before another may take it. */
  static final Duration CHECK_LEASE = Duration.ofMinutes(2);

  /** The longest wait between two checks of one deposit. */
  static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

  /** How long after its expiry an unpaid invoice is still asked about (clocks differ). */
  static final Duration EXPIRY_GRACE = Duration.ofMinutes(1);

  /** A deposit whose mint gave no expiry is given up after this long unpaid. */
  static final Duration UNDATED_LIFETIME = Duration.ofDays(1);

  @EJB DepositRepository deposits;

  @EJB WalletRepository wallets;

  @Inject LeasedWallets leased;

  @Inject MintConnection mint;

  @Inject WalletConfig config;

  @Inject WalletMetrics metrics;

  @Inject Clock clock;

  @Inject QuoteNotifications notifications;

  @Resource SessionContext context;

  /** This bean through the container, for notifications that arrive on other threads. */
  DepositCrediting self;

  @PostConstruct
  void findSelf() {
    self = context.getBusinessObject(DepositCrediting.class);
  }

  /**
   * Checks the deposit if it is due and no one else is checking it.
   *
   * @return the state it was left in, or empty if this call did not take it
   */
  public Optional<DepositState> check(String depositId) {
    OffsetDateTime now = now();
    if (!deposits.claim(depositId, now, now.plus(CHECK_LEASE))) {
      return Optional.empty();
    }
    return Optional.of(handedBackOnFailure(depositId, now, null));
  }

  /**
   * Checks the deposit now, due or not (its owner is reading it), unless another check holds it: a
   * check holds its deposit for {@code CHECK_LEASE}, longer than any backoff.
   *
   * @return the state it was left in, or empty if this call did not take it
   */
  public Optional<DepositState> checkNow(String depositId) {
    OffsetDateTime now = now();
    Optional<Deposit> before = deposits.find(depositId);
    if (before.isEmpty()
        || !deposits.takeNow(depositId, now.plus(MAX_BACKOFF), now.plus(CHECK_LEASE))) {
      return Optional.empty();
    }
    // the read's check leaves the watcher's schedule (next check, backoff) as it was
    return Optional.of(handedBackOnFailure(depositId, now, before.get().nextCheckAt()));
  }

  /**
   * {@link #look}, with a failure nothing in it expected (the mint's and the wallet's are handled
   * there) logged and the deposit handed back to its schedule: otherwise the check's lease would
   * keep every read and the watcher away for {@code CHECK_LEASE}, silently. Only the failure's type
   * and code are logged: its message may carry a quote id.
   */
  private DepositState handedBackOnFailure(
      String depositId, OffsetDateTime now, OffsetDateTime keepNext) {
    try {
      return look(depositId, now, keepNext);
    } catch (RuntimeException unexpected) {
      LOG.log(
          Level.WARNING,
          "Checking deposit {0} failed unexpectedly ({1}); it is checked again on its schedule",
          new Object[] {depositId, describe(unexpected)});
      Deposit deposit = deposits.find(depositId).orElse(null);
      if (deposit == null || !deposit.state().open()) {
        return deposit == null ? DepositState.FAILED : deposit.state();
      }
      return retry(deposit, deposit.state(), keepNext);
    }
  }

  private static String describe(RuntimeException e) {
    return e instanceof DomainException domain ? domain.code().name() : e.getClass().getName();
  }

  /**
   * Subscribes to the deposit's unpaid invoice at the mint (NUT-17, where offered): once the mint
   * says it is paid, the deposit is checked at once as on its owner's read ({@link #checkNow}).
   */
  public void subscribe(Deposit deposit) {
    if (!notifications.on() || !deposit.state().open()) {
      return;
    }
    String depositId = deposit.id();
    DepositCrediting through = self;
    notifications.watch(deposit.quoteId(), () -> through.checkNow(depositId));
  }

  /**
   * One check of a deposit taken for this call; one still open is checked again after the backoff,
   * or at {@code keepNext} for a check on read.
   */
  private DepositState look(String depositId, OffsetDateTime now, OffsetDateTime keepNext) {
    Deposit deposit = deposits.find(depositId).orElseThrow();
    MintQuoteResponse quote;
    try {
      quote = mint.client().mintQuote(deposit.quoteId());
    } catch (MintException refused) {
      metrics.mintError(WalletMetrics.MintErrorKind.REFUSED);
      return fail(deposit, refused.error().name());
    } catch (RuntimeException unreachable) {
      WalletMetrics.MintErrorKind.of(unreachable)
          .ifPresentOrElse(
              metrics::mintError,
              () ->
                  LOG.log(Level.WARNING, "Checking deposit " + depositId + " failed", unreachable));
      return retry(deposit, deposit.state(), keepNext);
    }
    return switch (quote.state()) {
      case UNPAID -> unpaid(deposit, now, keepNext);
      case PAID, ISSUED -> credit(deposit, keepNext);
    };
  }

  private DepositState unpaid(Deposit deposit, OffsetDateTime now, OffsetDateTime keepNext) {
    OffsetDateTime giveUpAt =
        deposit
            .expiresAt()
            .map(at -> at.plus(EXPIRY_GRACE))
            .orElse(deposit.createdAt().plus(UNDATED_LIFETIME));
    if (now.isAfter(giveUpAt)) {
      notifications.unwatch(deposit.quoteId());
      deposits.markEnded(deposit.id(), DepositState.EXPIRED, "invoice expired unpaid");
      LOG.log(Level.INFO, "Deposit {0} expired unpaid", deposit.id());
      return DepositState.EXPIRED;
    }
    DepositState pending = retry(deposit, DepositState.PENDING, keepNext);
    // (again) after a restart, a lost socket or a notification the check found early; only once
    // the check has let go of the deposit: the mint answers a subscription with the invoice's
    // state at once, and a PAID answer's check must not find this check still holding it
    subscribe(deposit);
    return pending;
  }

  private DepositState credit(Deposit deposit, OffsetDateTime keepNext) {
    MintResult minted;
    try {
      minted = leased.run(deposit.walletId(), w -> w.mintPaidQuote(deposit.quoteId()));
    } catch (WalletOperationException e) {
      return notCredited(deposit, e, keepNext);
    }
    notifications.unwatch(deposit.quoteId());
    if (deposits.markCredited(deposit.id(), minted.amount(), now())) {
      metrics.depositCredited(minted.amount());
      LOG.log(
          Level.INFO,
          "Deposit {0} credited: {1} sats minted into wallet {2}",
          new Object[] {deposit.id(), minted.amount(), deposit.walletId()});
    }
    return DepositState.CREDITED;
  }

  /** A mint that failed; the failure is already counted where the wallet was leased. */
  private DepositState notCredited(
      Deposit deposit, WalletOperationException e, OffsetDateTime keepNext) {
    if (e.getCause() instanceof MintException refused) {
      if (refused.is(MintError.QUOTE_NOT_PAID)) {
        return retry(deposit, DepositState.PENDING, keepNext);
      }
      if (refused.is(MintError.QUOTE_ALREADY_ISSUED)) {
        LOG.log(Level.WARNING, "Deposit {0} was minted by someone else", deposit.id());
        return fail(deposit, "minted elsewhere");
      }
      if (!refused.is(MintError.UNKNOWN) && !refused.is(MintError.KEYSET_INACTIVE)) {
        return fail(deposit, refused.error().name());
      }
    }
    if (e.code() != ProblemCode.WALLET_BUSY && e.code() != ProblemCode.MINT_UNAVAILABLE) {
      LOG.log(
          Level.WARNING,
          "Deposit {0} is paid but not minted yet ({1}); will retry",
          new Object[] {deposit.id(), e.code()});
    }
    return retry(deposit, DepositState.PAID, keepNext);
  }

  private DepositState retry(Deposit deposit, DepositState state, OffsetDateTime keepNext) {
    deposits.reschedule(
        deposit.id(), state, keepNext != null ? keepNext : now().plus(backoff(deposit.checks())));
    return state;
  }

  private DepositState fail(Deposit deposit, String reason) {
    notifications.unwatch(deposit.quoteId());
    deposits.markEnded(deposit.id(), DepositState.FAILED, reason);
    LOG.log(Level.WARNING, "Deposit {0} failed: {1}", new Object[] {deposit.id(), reason});
    return DepositState.FAILED;
  }

  /**
   * The wait before the next check: the poll interval growing by half per check, up to a minute.
   */
  Duration backoff(int checks) {
    double factor = Math.pow(1.5, Math.max(0, checks - 1));
    double millis = config.depositPollInterval().toMillis() * factor;
    return millis >= MAX_BACKOFF.toMillis() ? MAX_BACKOFF : Duration.ofMillis((long) millis);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
