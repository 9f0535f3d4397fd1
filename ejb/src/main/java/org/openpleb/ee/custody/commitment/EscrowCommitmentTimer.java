package org.openpleb.ee.custody.commitment;

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The clock of {@link EscrowCommitments#publish()} until the reconciliation calls it per run: a
 * non-persistent interval timer every {@code ESCROW_COMMITMENT_INTERVAL} ms, the first run a few
 * seconds after startup so a restarted server publishes again soon. A run still going is not joined
 * by the next tick.
 */
@Singleton
@Startup
@DependsOn("WalletRegistry")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EscrowCommitmentTimer {

  private static final Logger LOG = Logger.getLogger(EscrowCommitmentTimer.class.getName());

  /** Milliseconds from startup to the first commitment (or one interval, if that is shorter). */
  private static final long FIRST_RUN_MILLIS = 5_000;

  @Resource TimerService timers;

  @Inject EscrowCommitments commitments;

  @Inject EscrowCommitmentConfig config;

  private final AtomicBoolean running = new AtomicBoolean();

  @PostConstruct
  void schedule() {
    long period = config.interval().toMillis();
    timers.createIntervalTimer(
        Math.min(FIRST_RUN_MILLIS, period), period, new TimerConfig("escrow-commitment", false));
  }

  @Timeout
  void tick() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      commitments.publish();
    } catch (RuntimeException e) {
      // the database is away: the timer must survive for the next tick
      LOG.log(Level.WARNING, "The escrow commitment could not be published", e);
    } finally {
      running.set(false);
    }
  }
}
