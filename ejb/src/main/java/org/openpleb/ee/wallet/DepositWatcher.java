package org.openpleb.ee.wallet;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server-side watcher of Lightning deposits: users pay the invoice and need not poll. A
 * non-persistent interval timer ({@code WALLET_DEPOSIT_POLL_INTERVAL}) takes the deposits due for a
 * check from the shared database and hands each to {@link DepositCrediting} on the bounded mint
 * executor, so slow mint calls never pile up on the timer thread. Deposits left open by a restart
 * are simply due again.
 *
 * <p>The mint executor is defined here; the wallets' other background mint work (retiring the
 * wallets of ended sessions) runs on it too.
 */
@Singleton
@Startup
@DependsOn("WalletRegistry")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DepositWatcher {

  /** The most deposits waiting for or in a check at once. */
  static final int MAX_IN_FLIGHT = 8 * MintExecutor.CONCURRENCY;

  private static final Logger LOG = Logger.getLogger(DepositWatcher.class.getName());

  @Resource TimerService timers;

  @Inject MintExecutor executor;

  @EJB DepositRepository deposits;

  @EJB DepositCrediting crediting;

  @Inject WalletConfig config;

  @Inject Clock clock;

  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean watching = new AtomicBoolean();

  @PostConstruct
  void schedule() {
    long period = config.depositPollInterval().toMillis();
    timers.createIntervalTimer(period, period, new TimerConfig("deposit-watch", false));
    LOG.log(Level.INFO, "Lightning deposits checked every {0} ms", String.valueOf(period));
  }

  @Timeout
  void watch() {
    // an overlapping tick (a slow database) has nothing to add
    if (!watching.compareAndSet(false, true)) {
      return;
    }
    try {
      int room = MAX_IN_FLIGHT - inFlight.size();
      if (room <= 0) {
        return;
      }
      List<String> due = deposits.dueIds(OffsetDateTime.now(clock), room);
      for (String id : due) {
        if (inFlight.add(id)) {
          submit(id);
        }
      }
    } catch (RuntimeException e) {
      // a failed tick (database down) must not cancel the timer; the next one retries
      LOG.log(Level.WARNING, "Deposit watch failed", e);
    } finally {
      watching.set(false);
    }
  }

  private void submit(String id) {
    try {
      executor.execute(
          () -> {
            try {
              crediting.check(id);
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "Checking deposit " + id + " failed", e);
            } finally {
              inFlight.remove(id);
            }
          });
    } catch (RejectedExecutionException e) {
      inFlight.remove(id);
      LOG.log(Level.FINE, "Mint executor full; deposit {0} waits for the next tick", id);
    }
  }

  /** Deposits waiting for or in a check on this server now. */
  public int inFlight() {
    return inFlight.size();
  }
}
