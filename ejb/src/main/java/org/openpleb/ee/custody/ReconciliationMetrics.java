package org.openpleb.ee.custody;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The reconciliation's figures for the operator and the alert rules ({@code
 * docker/prometheus/alerts.yml}): the last run's conservation difference, hold mismatch, wallets
 * checked and missing, proofs checked and in a wrong state, findings, when it ran and how long it
 * took. Gauges of the last run (0 until the first); created with the application.
 */
@ApplicationScoped
public class ReconciliationMetrics {

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry metrics;

  private volatile ReconciliationReport last;

  @PostConstruct
  void register() {
    gauge(
        "openpleb_reconciliation_difference_sats",
        "Wallet holdings less what the journals say, plus missing wallet files, at the last run",
        r -> r.differenceSats());
    gauge(
        "openpleb_reconciliation_hold_mismatch_sats",
        "Sats by which reservations and the offers' escrows and bonds disagree, at the last run",
        r -> r.holdMismatchSats());
    gauge(
        "openpleb_reconciliation_wallets_checked",
        "Wallets the last reconciliation looked at",
        r -> r.walletsChecked());
    gauge(
        "openpleb_reconciliation_wallets_missing",
        "Known wallets holding sats whose file is gone, at the last run",
        r -> r.walletsMissing());
    gauge(
        "openpleb_reconciliation_proofs_checked",
        "Proofs the last reconciliation checked with the mint (NUT-07)",
        r -> r.proofsChecked());
    gauge(
        "openpleb_reconciliation_proofs_wrong_state",
        "Proofs the mint reports in another state than the wallet file, at the last run",
        r -> r.proofsWrongState());
    gauge(
        "openpleb_reconciliation_findings",
        "Findings of the last reconciliation (every kind)",
        r -> r.findingsTotal());
    gauge(
        "openpleb_reconciliation_mint_unanswered",
        "1 when the mint did not answer every check of the last run, else 0",
        r -> r.mintAnswered() ? 0 : 1);
    metrics.gauge(
        Metadata.builder()
            .withName("openpleb_reconciliation_last_run_seconds")
            .withDescription("When the last reconciliation started, seconds since the epoch")
            .withUnit(MetricUnits.NONE)
            .build(),
        () -> last == null ? 0 : last.startedAt().toEpochSecond());
    metrics.gauge(
        Metadata.builder()
            .withName("openpleb_reconciliation_duration_seconds")
            .withDescription("How long the last reconciliation took, seconds")
            .withUnit(MetricUnits.NONE)
            .build(),
        () -> last == null ? 0.0 : last.durationMillis() / 1000.0);
  }

  // Units NONE with the unit in the name: the Prometheus names stay exactly these, which the alert
  // rules in docker/prometheus/alerts.yml rely on.

  /** Creates the bean with the application so the gauges are registered from the start. */
  void onApplicationStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    // the observer's only job is to make the container create this bean now
  }

  /** Records a finished run. */
  void ran(ReconciliationReport report) {
    last = report;
  }

  private void gauge(
      String name, String description, java.util.function.ToLongFunction<ReconciliationReport> f) {
    metrics.gauge(
        Metadata.builder()
            .withName(name)
            .withDescription(description)
            .withUnit(MetricUnits.NONE)
            .build(),
        () -> {
          ReconciliationReport r = last;
          return r == null ? 0L : f.applyAsLong(r);
        });
  }
}
