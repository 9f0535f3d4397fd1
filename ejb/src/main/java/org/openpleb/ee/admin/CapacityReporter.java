package org.openpleb.ee.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.openpleb.ee.capacity.CapacityEstimate;
import org.openpleb.ee.capacity.CapacityMonitor;
import org.openpleb.ee.session.SessionConfig;
import org.openpleb.ee.session.SessionRepository;
import org.openpleb.ee.wallet.WalletConfig;
import org.openpleb.ee.wallet.WalletRegistry;

/**
 * Assembles the admin capacity report from the monitor, the configured limits, a fresh count of
 * live sessions, the wallet handles open now and the footprint figures. It never runs a capacity
 * check itself.
 */
@ApplicationScoped
public class CapacityReporter {

  @Inject CapacityMonitor monitor;

  @Inject SessionConfig sessions;

  @Inject WalletConfig wallets;

  @Inject FootprintConfig footprint;

  @EJB SessionRepository repository;

  @EJB WalletRegistry registry;

  @Inject Clock clock;

  /** The report as of now; the estimate's own row uses this JVM's maximum heap. */
  public CapacityReport report() {
    CapacityEstimate estimate =
        CapacityEstimate.compute(
            footprint.footprint(),
            CapacityEstimate.Limits.of(sessions.limit(), wallets.cacheSize(), monitor.settings()),
            Runtime.getRuntime().maxMemory());
    return new CapacityReport(
        monitor.status(),
        repository.countLive(OffsetDateTime.now(clock)),
        sessions.limit(),
        sessions.expiry(),
        wallets.cacheSize(),
        registry.openHandles(),
        monitor.settings(),
        estimate);
  }
}
