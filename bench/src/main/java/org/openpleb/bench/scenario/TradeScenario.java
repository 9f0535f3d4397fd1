package org.openpleb.bench.scenario;

import java.util.List;
import org.openpleb.bench.BenchmarkPlan;
import org.openpleb.bench.client.ApiSurface;
import org.openpleb.bench.report.RunResults.Trades;
import org.openpleb.bench.stats.Percentiles;

/**
 * Trading: makers fund offers by Lightning (the CPU figure per funded offer and the one-client
 * funding sequence), the order book is read at its full size, and concurrent traders run whole
 * trades — fund, claim, receipt, approve.
 */
public final class TradeScenario {

  /** The operations the scenario needs. */
  public static final List<String> REQUIRED =
      List.of(
          "POST /api/offers",
          "GET /api/offers",
          "GET /api/offers/{id}",
          "POST /api/offers/{id}/claim",
          "POST /api/offers/{id}/receipt",
          "POST /api/offers/{id}/approve");

  private final ServerUnderTest server;
  private final SessionPool pool;
  private final List<String> notes;

  /** The scenario on {@code server} with sessions of {@code pool}. */
  public TradeScenario(ServerUnderTest server, SessionPool pool, List<String> notes) {
    this.server = server;
    this.pool = pool;
    this.notes = notes;
  }

  /** Runs the trading stretches the plan asks for. */
  public Trades run(ApiSurface surface, BenchmarkPlan plan) {
    List<String> missing = surface.missing(REQUIRED);
    if (!missing.isEmpty()) {
      return unavailable("the server lacks " + String.join(", ", missing));
    }
    return unavailable("trading endpoints exist, but the driver does not drive them yet");
  }

  /** The path of the order-book read, or null when the build has none. */
  public static String orderBookPath(ApiSurface surface) {
    return surface.has("GET /api/offers") ? "/api/offers" : null;
  }

  /** The figures of a scenario that could not run. */
  public static Trades unavailable(String why) {
    return new Trades(
        why,
        0,
        0,
        0,
        0,
        Percentiles.NONE,
        0,
        0,
        Percentiles.NONE,
        0,
        0,
        0,
        0,
        0,
        0,
        List.of(),
        null);
  }
}
