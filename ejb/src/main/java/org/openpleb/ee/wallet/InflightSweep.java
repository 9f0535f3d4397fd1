package org.openpleb.ee.wallet;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.ee.platform.DomainException;

/**
 * Keeps {@code inflight} true: every wallet whose snapshot counts sats in flight (active and
 * dormant session wallets, and each {@link InflightHolder} such as the treasury) asks the mint
 * (NUT-07 checkstate) about its handed-out tokens and pending Lightning payments; tokens the mint
 * reports spent are settled and leave the balance, and the fresh balance is written to the
 * snapshot. A Lightning payment still PENDING is asked about in the same pass (its inputs count in
 * flight), so it is finished or undone without waiting for its wallet to be opened; and a sent
 * token ({@link SentTokens}) the mint reports redeemed is marked CLAIMED. Run by {@link
 * InflightSweepTimer} every {@code WALLET_INFLIGHT_SWEEP_INTERVAL}.
 *
 * <p>The rule for tokens the mint reports unspent: they stay in flight, however old. Every token
 * this server makes is either handed to a user (a withdrawal, the treasury's payout), who may
 * redeem it at any time or may have passed it on, or carried by a settlement step that will redeem
 * it itself. Taking it back would take the sats from whoever holds the token, or pay a settlement
 * twice; so only the holder's redemption (or a deliberate reclaim) ever ends it. What a wallet
 * shows in flight is therefore exactly what it has outstanding.
 *
 * <p>Each wallet is handled on its own: one the mint cannot answer for now, or whose handle is
 * busy, keeps its snapshot and comes first in the next sweep. Never in a transaction: mint calls
 * may take seconds.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InflightSweep {

  private static final Logger LOG = Logger.getLogger(InflightSweep.class.getName());

  /** Session wallets looked at per sweep. */
  static final int SWEEP_BATCH = 50;

  @Inject LeasedWallets leased;

  @EJB WalletRepository wallets;

  @Inject @Any Instance<InflightHolder> holders;

  @EJB SentTokens sentTokens;

  /**
   * Settles, in up to {@link #SWEEP_BATCH} session wallets and every holder, the tokens the mint
   * reports redeemed.
   *
   * @return how many wallets were looked at
   */
  public int sweep() {
    int looked = 0;
    for (String walletId : wallets.withInflight(SWEEP_BATCH)) {
      settle(walletId, w -> settleWithSentTokens(walletId, w), this::recordToRow);
      looked++;
    }
    for (InflightHolder holder : holders()) {
      String walletId;
      try {
        walletId = holder.walletWithInflight().orElse(null);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Cannot read the in-flight sats of " + holder, e);
        continue;
      }
      if (walletId != null) {
        settle(walletId, SessionWallet::reconcileInflight, holder::record);
        looked++;
      }
    }
    return looked;
  }

  /** The holders besides the wallet table; a seam for tests. */
  Iterable<InflightHolder> holders() {
    return holders;
  }

  /**
   * Settles a session wallet's in-flight sats, then marks its sent tokens the mint reported
   * redeemed as CLAIMED ({@link SentTokens#settle}).
   */
  private int settleWithSentTokens(String walletId, SessionWallet wallet) {
    int settled = wallet.reconcileInflight();
    try {
      sentTokens.settle(walletId, wallet);
    } catch (RuntimeException e) {
      LOG.log(
          Level.INFO,
          "Wallet {0}: sent tokens not settled now ({1})",
          new Object[] {walletId, e.getClass().getSimpleName()});
    }
    return settled;
  }

  private void settle(
      String walletId,
      Function<SessionWallet, Integer> work,
      LeasedWallets.BalanceSnapshot snapshot) {
    try {
      int settled = leased.run(walletId, work, snapshot);
      if (settled > 0) {
        LOG.log(
            Level.INFO,
            "Wallet {0}: {1} token(s) found redeemed and settled",
            new Object[] {walletId, settled});
      }
    } catch (RuntimeException e) {
      // the mint is away or the handle busy: the snapshot stands, the next sweep asks again
      String reason =
          e instanceof DomainException d ? d.code().name() : e.getClass().getSimpleName();
      LOG.log(
          Level.INFO,
          "Wallet {0}: in-flight sats not settled now ({1})",
          new Object[] {walletId, reason});
    }
  }

  private void recordToRow(String walletId, BalanceReading reading) {
    wallets.recordBalance(walletId, reading.balance(), reading.at());
  }
}
