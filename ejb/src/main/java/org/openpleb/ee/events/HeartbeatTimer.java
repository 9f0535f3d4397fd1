package org.openpleb.ee.events;

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
 * Beats the live streams' heartbeat every {@code OPENPLEB_EVENTS_HEARTBEAT_SECONDS} with a
 * non-persistent timer. It starts after the settings were checked ({@link LiveEventsConfig} is a
 * settings rule), so the period is valid.
 */
@Singleton
@Startup
@DependsOn("ConfigurationGuard")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HeartbeatTimer {

  private static final Logger LOG = Logger.getLogger(HeartbeatTimer.class.getName());

  @Resource TimerService timers;

  @Inject LiveEventsConfig config;

  @Inject LiveEvents events;

  @PostConstruct
  void schedule() {
    long period = config.heartbeat().toMillis();
    timers.createIntervalTimer(period, period, new TimerConfig("events-heartbeat", false));
    LOG.log(
        Level.INFO,
        "Live events: heartbeat every {0} s, at most {1} streams",
        new Object[] {
          String.valueOf(config.heartbeat().toSeconds()), String.valueOf(config.maxClients())
        });
  }

  @Timeout
  void beat() {
    try {
      events.heartbeat();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Event heartbeat failed", e);
    }
  }
}
