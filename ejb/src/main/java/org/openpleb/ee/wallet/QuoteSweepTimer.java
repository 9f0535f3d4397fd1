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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The clock of the quote sweep ({@link QuoteLedger#unknownPaidQuotes()}): a non-persistent interval
 * timer every {@code WALLET_QUOTE_SWEEP_INTERVAL} ms, the first run one interval after startup (a
 * quote left by the previous run of the server is due once its grace has passed). A run still going
 * (a slow mint) is not joined by the next tick.
 */
@Singleton
@Startup
@DependsOn("WalletRegistry")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class QuoteSweepTimer {

  private static final Logger LOG = Logger.getLogger(QuoteSweepTimer.class.getName());

  @Resource TimerService timers;

  @EJB QuoteLedger ledger;

  @Inject QuoteLedgerConfig config;

  private final AtomicBoolean running = new AtomicBoolean();

  @PostConstruct
  void schedule() {
    long period = config.sweepInterval().toMillis();
    timers.createIntervalTimer(period, period, new TimerConfig("wallet-quote-sweep", false));
  }

  @Timeout
  void tick() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      ledger.unknownPaidQuotes();
    } catch (RuntimeException e) {
      // the database is away: the timer must survive for the next tick
      LOG.log(Level.WARNING, "The quote sweep could not run", e);
    } finally {
      running.set(false);
    }
  }
}
