package org.openpleb.ee.capacity;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The clock that drives capacity checks: a non-persistent interval timer created at startup.
 *
 * <p>The first check runs as soon as the application is up (initial delay 0, so every startup bean
 * the relief actions may call exists by then), then every {@code CAPACITY_CHECK_INTERVAL}
 * milliseconds. The timer is not persistent: Payara Micro keeps persistent timers in memory only,
 * and a capacity check has nothing to catch up after a restart. Checks run outside a transaction so
 * each relief action can open its own.
 */
@Singleton
@Startup
// After the schema migration: a check counts live sessions in the database, and on a slow start the
// first check ran while Flyway was still creating the tables (a WARNING with a stack trace).
@DependsOn({"ConfigurationGuard", "SchemaMigrator"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CapacityCheckTimer {

  @Resource TimerService timerService;

  @Inject CapacityMonitor monitor;

  @PostConstruct
  void schedule() {
    long period = monitor.settings().checkInterval().toMillis();
    timerService.createIntervalTimer(0, period, new TimerConfig("capacity-check", false));
  }

  @Timeout
  void checkCapacity() {
    monitor.check();
  }
}
