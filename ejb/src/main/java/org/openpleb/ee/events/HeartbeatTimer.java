package org.openpleb.ee.events;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
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
import org.eclipse.microprofile.config.Config;
import org.openpleb.ee.platform.ConfigCheck;

/**
 * Beats the live streams' heartbeat every {@code OPENPLEB_EVENTS_HEARTBEAT_SECONDS} with a
 * non-persistent timer, after checking the live-event settings at startup.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HeartbeatTimer {

  private static final Logger LOG = Logger.getLogger(HeartbeatTimer.class.getName());

  @Resource TimerService timers;

  @Inject Config settings;

  @Inject LiveEventsConfig config;

  @Inject LiveEvents events;

  @PostConstruct
  void schedule() {
    ConfigCheck check = new ConfigCheck(key -> settings.getOptionalValue(key, String.class));
    LiveEventsConfig.validate(check);
    if (!check.violations().isEmpty()) {
      LOG.log(Level.SEVERE, "Refusing to start: {0}", String.join("; ", check.violations()));
    }
    check.enforce();
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
