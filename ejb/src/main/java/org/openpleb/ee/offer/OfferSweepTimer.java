package org.openpleb.ee.offer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The clocks of trading: a non-persistent interval timer that runs the {@link OfferSweeper} every
 * {@code OFFER_SWEEP_INTERVAL} ms, first at once when the server starts (deadlines that passed
 * while it was down, settlements a crash interrupted), and one that looks at watched invoices every
 * {@code OFFER_QUOTE_POLL_INTERVAL} ms through the {@link FundingWatcher}. Ticks never overlap; a
 * failed tick is logged and the next one retries.
 */
@Singleton
@Startup
@DependsOn("Treasury")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OfferSweepTimer {

  private static final Logger LOG = Logger.getLogger(OfferSweepTimer.class.getName());

  private static final String SWEEP = "offer-sweep";
  private static final String WATCH = "offer-invoice-watch";

  @Resource TimerService timers;

  @EJB OfferSweeper sweeper;

  @EJB FundingWatcher watcher;

  @Inject TradeConfig config;

  private final AtomicBoolean sweeping = new AtomicBoolean();
  private final AtomicBoolean watching = new AtomicBoolean();

  @PostConstruct
  void schedule() {
    long sweep = config.sweepInterval().toMillis();
    long watch = config.quotePollInterval().toMillis();
    timers.createIntervalTimer(0, sweep, new TimerConfig(SWEEP, false));
    timers.createIntervalTimer(watch, watch, new TimerConfig(WATCH, false));
    LOG.log(
        Level.INFO,
        "Offer deadlines swept every {0} ms, invoices watched every {1} ms",
        new Object[] {String.valueOf(sweep), String.valueOf(watch)});
  }

  @Timeout
  void tick(Timer timer) {
    boolean sweep = SWEEP.equals(timer.getInfo());
    AtomicBoolean running = sweep ? sweeping : watching;
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      if (sweep) {
        sweeper.sweep();
      } else {
        watcher.watch();
      }
    } catch (RuntimeException e) {
      // a failed tick (database down) must not cancel the timer; the next one retries
      LOG.log(Level.WARNING, sweep ? "Offer sweep failed" : "Invoice watch failed", e);
    } finally {
      running.set(false);
    }
  }
}
