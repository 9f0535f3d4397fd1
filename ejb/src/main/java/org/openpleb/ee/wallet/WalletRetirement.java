package org.openpleb.ee.wallet;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What becomes of a wallet when its session ends: its handle is released, and a wallet holding
 * value (spendable, reserved, tokens or payments in flight, or an open Lightning deposit) becomes
 * DORMANT, listed to the same user's later sessions; an empty one is deleted, file and row.
 * Withdrawn tokens are first checked against the mint, so a wallet whose last token was claimed
 * counts as empty.
 *
 * <p>{@link #sweep()} is the safety net run by the cleanup timer: it retires active wallets whose
 * session is no longer live (a close this server did not see) and looks again at dormant wallets
 * with nothing spendable, deleting those that turned out empty. Every step is idempotent and each
 * wallet is handled on its own, so one failure costs only that wallet until the next sweep.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WalletRetirement {

  private static final Logger LOG = Logger.getLogger(WalletRetirement.class.getName());

  /** Wallets looked at per sweep and kind. */
  static final int SWEEP_BATCH = 50;

  @EJB WalletRegistry registry;

  @Inject LeasedWallets leased;

  @EJB WalletRepository wallets;

  @EJB DepositRepository deposits;

  @Inject WalletConfig config;

  @Inject Clock clock;

  /**
   * Retires the wallet of an ended session.
   *
   * @return what became of it
   */
  public Outcome retire(String walletId) {
    Optional<StoredWallet> stored = wallets.find(walletId);
    if (stored.isEmpty()) {
      // no money ever moved through it: there is no file to keep
      registry.release(walletId);
      return Outcome.NOTHING;
    }
    WalletBalance balance = stored.get().balance();
    boolean openOperations = false;
    if (registry.isOpen(walletId) || balance.inflight() > 0) {
      boolean reconcile = balance.inflight() > 0;
      AtomicReference<BalanceReading> read = new AtomicReference<>();
      try {
        openOperations =
            leased.run(
                walletId,
                w -> {
                  if (reconcile) {
                    w.reconcileInflight();
                  }
                  return w.hasOpenOperations();
                },
                (id, reading) -> {
                  wallets.recordBalance(id, reading.balance(), reading.at());
                  read.set(reading);
                });
        if (read.get() == null) {
          // the balance could not be read: the stored one stands, and so does the wallet
          openOperations = true;
        } else {
          balance = read.get().balance();
        }
      } catch (WalletOperationException e) {
        // the mint or the wallet cannot tell now: keep it, the sweep looks again later
        LOG.log(
            Level.INFO,
            "Wallet {0} kept dormant: its balance cannot be settled now ({1})",
            new Object[] {walletId, e.code()});
        openOperations = true;
      }
    }
    registry.release(walletId);
    boolean empty =
        balance.total() == 0
            && !openOperations
            && registry.pins(walletId) == 0
            && deposits.countOpen(walletId) == 0;
    if (empty && wallets.delete(walletId)) {
      if (!registry.discard(walletId)) {
        LOG.log(Level.WARNING, "Wallet {0} is in use again; its empty file stays", walletId);
      }
      return Outcome.DELETED;
    }
    boolean wasDormant = stored.get().state() == WalletState.DORMANT;
    wallets.markDormant(walletId, now());
    if (!wasDormant) {
      LOG.log(
          Level.INFO,
          "Wallet {0} is dormant: {1} sats spendable, {2} reserved, {3} in flight",
          new Object[] {walletId, balance.spendable(), balance.reserved(), balance.inflight()});
    }
    return Outcome.DORMANT;
  }

  /** Runs {@link #retire(String)} and logs instead of throwing, for background callers. */
  public void retireQuietly(String walletId) {
    try {
      retire(walletId);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot retire wallet " + walletId + "; the sweep retries", e);
    }
  }

  /**
   * Retires active wallets of sessions that are no longer live, and deletes dormant wallets that
   * turned out empty.
   *
   * @return how many wallets were looked at
   */
  public int sweep() {
    int looked = 0;
    for (String id : wallets.activeWithoutLiveSession(SWEEP_BATCH)) {
      retireQuietly(id);
      looked++;
    }
    OffsetDateTime before = now().minus(config.cleanupInterval());
    List<StoredWallet> candidates = wallets.dormantWithNothingSpendable(before, SWEEP_BATCH);
    for (StoredWallet wallet : candidates) {
      retireQuietly(wallet.walletId());
      looked++;
    }
    return looked;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }

  /** What {@link #retire(String)} did with a wallet. */
  public enum Outcome {
    /** No money ever moved through it; nothing was stored. */
    NOTHING,
    /** It holds value and stays, listed to the user's later sessions. */
    DORMANT,
    /** It was empty and is gone, file and row. */
    DELETED
  }
}
