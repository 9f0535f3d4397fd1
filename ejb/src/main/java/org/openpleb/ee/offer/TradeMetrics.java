package org.openpleb.ee.offer;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.openpleb.ee.settlement.SettlementCompleted;

/**
 * Trading's figures for the operator (application scope): {@code openpleb_offers{state}} offers by
 * state, {@code openpleb_active_trades} claimed offers not finished yet, {@code
 * openpleb_escrow_held_sats} sats held for running offers (escrows and bonds), and {@code
 * openpleb_settlement_latency} from the end of a trade to its last transfer. The counts come from
 * the shared database, read at most every few seconds however often the figures are scraped.
 */
@ApplicationScoped
public class TradeMetrics {

  private static final Logger LOG = Logger.getLogger(TradeMetrics.class.getName());

  /** How long one reading of the database serves scrapes. */
  static final Duration FRESHNESS = Duration.ofSeconds(5);

  /** Claimed offers whose trade still runs. */
  static final Set<OfferState> ACTIVE =
      EnumSet.of(
          OfferState.CLAIMED,
          OfferState.RECEIPT_SUBMITTED,
          OfferState.MARKED_WITH_ISSUE,
          OfferState.DISPUTED);

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry metrics;

  @EJB OfferRepository offers;

  @Inject Clock clock;

  private Timer settlementLatency;
  private volatile Reading reading = new Reading(new EnumMap<>(OfferState.class), 0, Instant.MIN);

  @PostConstruct
  void register() {
    for (OfferState state : OfferState.values()) {
      metrics.gauge(
          Metadata.builder()
              .withName("openpleb_offers")
              .withDescription("Offers by state")
              .withUnit(MetricUnits.NONE)
              .build(),
          () -> fresh().byState().getOrDefault(state, 0L),
          new Tag("state", state.name().toLowerCase(Locale.ROOT)));
    }
    metrics.gauge(
        Metadata.builder()
            .withName("openpleb_active_trades")
            .withDescription("Claimed offers whose trade still runs")
            .withUnit(MetricUnits.NONE)
            .build(),
        () ->
            fresh().byState().entrySet().stream()
                .filter(e -> ACTIVE.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum());
    metrics.gauge(
        Metadata.builder()
            .withName("openpleb_escrow_held_sats")
            .withDescription("Sats held for running offers: makers' escrows and takers' bonds")
            .withUnit(MetricUnits.NONE)
            .build(),
        () -> fresh().held());
    settlementLatency =
        metrics.timer(
            Metadata.builder()
                .withName("openpleb_settlement_latency")
                .withDescription("Time from the end of a trade to its last settlement transfer")
                .withUnit(MetricUnits.SECONDS)
                .build());
  }

  /** Creates the bean with the application so the figures exist from the start. */
  void onApplicationStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    // the observer's only job is to make the container create this bean now
  }

  void onSettled(@Observes SettlementCompleted settled) {
    settlementLatency.update(settled.took());
  }

  private Reading fresh() {
    Reading last = reading;
    Instant now = clock.instant();
    if (last.at().plus(FRESHNESS).isAfter(now)) {
      return last;
    }
    synchronized (this) {
      if (reading.at().plus(FRESHNESS).isAfter(now)) {
        return reading;
      }
      try {
        reading = new Reading(offers.countByState(), offers.heldSats(), now);
      } catch (RuntimeException e) {
        // a scrape must not fail because the database is busy; the last reading stands
        LOG.log(Level.FINE, "Cannot read the trade figures", e);
      }
      return reading;
    }
  }

  private record Reading(Map<OfferState, Long> byState, long held, Instant at) {}
}
