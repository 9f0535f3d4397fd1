package org.openpleb.ee.custody;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The clock of the {@link Reconciliation}: a non-persistent interval timer every {@code
 * RECONCILIATION_INTERVAL} ms, the first run one interval after startup. A tick that finds a run
 * going on (the admin's, or a slow one) skips rather than queue behind it.
 */
@Singleton
@Startup
@DependsOn("WalletRegistry")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReconciliationTimer {

  private static final Logger LOG = Logger.getLogger(ReconciliationTimer.class.getName());

  @Resource TimerService timers;

  @Inject Reconciliation reconciliation;

  @Inject ReconciliationConfig config;

  @PostConstruct
  void schedule() {
    long period = config.interval().toMillis();
    timers.createIntervalTimer(period, period, new TimerConfig("reconciliation", false));
  }

  @Timeout
  void tick() {
    if (reconciliation.busy()) {
      return;
    }
    try {
      reconciliation.run();
    } catch (RuntimeException e) {
      // the database is away: the timer must survive for the next tick
      LOG.log(Level.WARNING, "The reconciliation could not run", e);
    }
  }
}
