package org.openpleb.ee.session;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The clock of the session sweep: a non-persistent interval timer, created at startup once the
 * schema is current, that closes expired sessions every {@code WALLET_CLEANUP_INTERVAL} ms. The
 * first sweep runs at once, so sessions that expired while the server was down are closed when it
 * comes back; expiry is always computed from the stored timestamps, never from timers.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SessionSweepTimer {

  private static final Logger LOG = Logger.getLogger(SessionSweepTimer.class.getName());

  @Resource TimerService timerService;

  @EJB SessionSweeper sweeper;

  @Inject SessionConfig config;

  @PostConstruct
  void schedule() {
    long period = config.sweepInterval().toMillis();
    timerService.createIntervalTimer(0, period, new TimerConfig("session-sweep", false));
    LOG.log(Level.INFO, "Session sweep every {0} ms", String.valueOf(period));
  }

  @Timeout
  void sweep() {
    try {
      sweeper.closeExpired();
    } catch (RuntimeException e) {
      // a broken sweep (database down) must not cancel the timer; the next one retries
      LOG.log(Level.WARNING, "Session sweep failed", e);
    }
  }
}
