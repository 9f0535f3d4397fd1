package org.openpleb.ee.wallet;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.cashu.mint.MintQuoteResponse;

/**
 * The one way money work reaches a session wallet: lease (pin) its handle, run the work, write the
 * balance snapshot afterwards whether the work succeeded or not, and classify a failure (a wallet
 * that failed is marked broken so the next lease reopens it with recovery; a failure that was the
 * mint's is counted in the mint error figures). Also asks the mint for Lightning invoices, which
 * needs no wallet at all.
 *
 * <p>The cashier, deposit crediting, the treasury desk, trading's wallets and wallet retirement all
 * go through here, so these rules hold for every money movement alike.
 */
@ApplicationScoped
public class LeasedWallets {

  private static final Logger LOG = Logger.getLogger(LeasedWallets.class.getName());

  @EJB WalletRegistry registry;

  @EJB WalletRepository wallets;

  @Inject MintConnection mint;

  @Inject WalletMetrics metrics;

  /** Where a balance read after the work is written. */
  @FunctionalInterface
  public interface BalanceSnapshot {

    /** Writes the reading of wallet {@code walletId}. */
    void record(String walletId, BalanceReading reading);
  }

  /**
   * Runs {@code work} on the leased wallet and writes its balance to the wallet's row afterwards.
   *
   * @throws WalletOperationException as the wallet threw it, once classified
   */
  public <T> T run(String walletId, Function<SessionWallet, T> work) {
    return run(walletId, work, this::recordToRow);
  }

  /**
   * Runs {@code work} on the leased wallet and hands the balance read afterwards to {@code
   * snapshot}. A balance that cannot be read is logged and the handle marked broken; it never hides
   * the work's own result or failure.
   */
  public <T> T run(String walletId, Function<SessionWallet, T> work, BalanceSnapshot snapshot) {
    try (WalletLease lease = registry.lease(walletId)) {
      try {
        return work.apply(lease.wallet());
      } catch (WalletOperationException e) {
        throw failed(lease, e);
      } finally {
        snapshot(lease, snapshot);
      }
    }
  }

  /**
   * A Lightning invoice of {@code amount} sats from the platform's mint, not tied to any wallet:
   * the wallet that mints it is opened only once it is paid. The caller checks the amount against
   * its limits first.
   */
  public MintInvoice invoice(long amount) {
    MintQuoteResponse quote;
    try {
      quote = mint.client().createMintQuote(amount, "sat");
    } catch (RuntimeException e) {
      countMintError(e);
      WalletOperationException refused = WalletOperationException.of(e, false);
      if (refused.walletFailed()) {
        LOG.log(Level.SEVERE, "Asking the mint for an invoice failed unexpectedly", e);
      }
      throw refused;
    }
    OffsetDateTime expiresAt =
        quote.expiry() == null
            ? null
            : OffsetDateTime.ofInstant(Instant.ofEpochSecond(quote.expiry()), ZoneOffset.UTC);
    return new MintInvoice(quote.quote(), quote.request(), amount, expiresAt);
  }

  /** Counts a failure that was the mint's (unreachable, refused, protocol) in the figures. */
  public void countMintError(Throwable failure) {
    WalletMetrics.MintErrorKind.of(failure).ifPresent(metrics::mintError);
  }

  private WalletOperationException failed(WalletLease lease, WalletOperationException e) {
    if (e.walletFailed()) {
      lease.markBroken();
    }
    countMintError(e);
    return e;
  }

  private void snapshot(WalletLease lease, BalanceSnapshot snapshot) {
    BalanceReading reading;
    try {
      reading = lease.wallet().balance();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot read the balance of wallet " + lease.walletId(), e);
      lease.markBroken();
      return;
    }
    snapshot.record(lease.walletId(), reading);
  }

  private void recordToRow(String walletId, BalanceReading reading) {
    wallets.recordBalance(walletId, reading.balance(), reading.at());
  }

  /**
   * A Lightning invoice the mint issued: paying it lets the quote be minted.
   *
   * @param quote the mint quote id (a bearer secret: whoever holds it can mint the paid ecash)
   * @param request the BOLT11 invoice
   * @param amount its sats
   * @param expiresAt when the mint stops honouring it, if the mint said
   */
  public record MintInvoice(String quote, String request, long amount, OffsetDateTime expiresAt) {
    @Override
    public String toString() {
      return "MintInvoice[" + amount + " sats]";
    }
  }
}
