package org.openpleb.ee.treasury;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.cashu.wallet.SendOptions;
import org.openpleb.cashu.wallet.SendResult;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.wallet.BalanceReading;
import org.openpleb.ee.wallet.LeasedWallets;
import org.openpleb.ee.wallet.SessionWallet;

/**
 * The admin's treasury desk: the treasury wallet's balance, read from the wallet itself, and
 * withdrawals of platform fees and forfeited bonds as Cashu tokens. Every withdrawal is recorded
 * (without its token) for the books.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TreasuryDesk {

  private static final Logger LOG = Logger.getLogger(TreasuryDesk.class.getName());

  /** No withdrawal can exceed all bitcoin there will ever be. */
  static final long MAX_SATS = 2_100_000_000_000_000L;

  @EJB Treasury treasury;

  @EJB TreasuryRepository repository;

  @Inject LeasedWallets leased;

  @Inject Clock clock;

  /** The treasury now. */
  public TreasuryOverview overview() {
    BalanceReading reading =
        leased.run(treasury.walletId(), SessionWallet::balance, (id, after) -> {});
    repository.recordBalance(
        reading.balance().spendable(),
        reading.balance().reserved(),
        reading.balance().inflight(),
        reading.at());
    return new TreasuryOverview(
        treasury.walletId(),
        reading.balance().spendable(),
        reading.balance().reserved(),
        reading.balance().inflight(),
        reading.at(),
        repository.platformShareSettled(),
        repository.withdrawnTotal(),
        repository.withdrawals(20).stream()
            .map(
                w ->
                    new TreasuryOverview.Withdrawal(
                        w.id(), w.adminUser(), w.amount(), w.fee(), w.at()))
            .toList());
  }

  /**
   * Takes {@code amount} sats out of the treasury as a Cashu token for the admin.
   *
   * @throws DomainException INSUFFICIENT_FUNDS when the treasury holds less (fees included)
   */
  public TreasuryToken withdraw(String admin, long amount) {
    if (amount <= 0 || amount > MAX_SATS) {
      throw new DomainException(
          ProblemCode.VALIDATION_FAILED, "amount must be a whole number of sats above 0");
    }
    SendResult sent =
        leased.run(
            treasury.walletId(),
            w -> w.send(amount, SendOptions.defaults().withMemo("openpleb treasury")),
            this::snapshot);
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    repository.addWithdrawal(
        new TreasuryWithdrawal(admin, "TOKEN", sent.amount(), sent.fee(), now));
    LOG.log(
        Level.INFO,
        "Treasury: admin {0} withdrew a token of {1} sats (fee {2})",
        new Object[] {admin, sent.amount(), sent.fee()});
    return new TreasuryToken(sent.token(), sent.amount(), sent.fee());
  }

  private void snapshot(String walletId, BalanceReading reading) {
    try {
      repository.recordBalance(
          reading.balance().spendable(),
          reading.balance().reserved(),
          reading.balance().inflight(),
          reading.at());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot read the treasury's balance", e);
    }
  }

  /**
   * A withdrawn token: a bearer secret handed to the admin once, never stored or logged.
   *
   * @param token the Cashu token
   * @param amount sats in it
   * @param fee mint fee paid to make it
   */
  public record TreasuryToken(String token, long amount, long fee) {
    @Override
    public String toString() {
      return "TreasuryToken[" + amount + " sats, fee " + fee + "]";
    }
  }
}
