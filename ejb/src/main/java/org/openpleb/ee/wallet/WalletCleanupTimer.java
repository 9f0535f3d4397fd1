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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.ee.idempotency.Idempotency;

/**
 * The clock of wallet housekeeping: a non-persistent interval timer every {@code
 * WALLET_CLEANUP_INTERVAL} ms that closes wallet handles idle longer than {@code
 * WALLET_IDLE_TIMEOUT}, retires the wallets of sessions that ended unseen, deletes dormant wallets
 * that turned out empty, and purges stored idempotent answers past their retention. Expired
 * sessions themselves are closed by the session feature's sweep on the same interval. The first run
 * comes one interval after startup.
 */
@Singleton
@Startup
@DependsOn("WalletRegistry")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WalletCleanupTimer {

  private static final Logger LOG = Logger.getLogger(WalletCleanupTimer.class.getName());

  @Resource TimerService timers;

  @EJB WalletRegistry registry;

  @EJB WalletRetirement retirement;

  @EJB Idempotency idempotency;

  @Inject WalletConfig config;

  private final AtomicBoolean running = new AtomicBoolean();

  @PostConstruct
  void schedule() {
    long period = config.cleanupInterval().toMillis();
    timers.createIntervalTimer(period, period, new TimerConfig("wallet-cleanup", false));
  }

  @Timeout
  void cleanUp() {
    // a long run (many dormant wallets, a slow mint) is not joined by the next tick
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      step("close idle wallets", registry::closeIdle);
      step("sweep ended sessions' wallets", retirement::sweep);
      step("purge idempotent answers", idempotency::purgeExpired);
    } finally {
      running.set(false);
    }
  }

  private static void step(String what, IntSupplier work) {
    try {
      work.getAsInt();
    } catch (RuntimeException e) {
      // one broken step (database down) must neither stop the others nor cancel the timer
      LOG.log(Level.WARNING, "Wallet cleanup could not " + what, e);
    }
  }
}
