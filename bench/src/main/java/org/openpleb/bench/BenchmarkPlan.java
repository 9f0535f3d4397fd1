package org.openpleb.bench;

import java.util.List;

/**
 * How much a run does: the session counts to measure memory at, how many wallets to open, the load
 * levels and their lengths, and the size of the trading stretch.
 *
 * @param mode {@code full}, {@code quick} or {@code sessions}
 * @param sessionSteps live sessions at which memory is measured, from 0
 * @param warmupSessions logins (and logouts) before the first step, so class loading and
 *     compilation are done before memory is measured
 * @param loginConcurrency logins in flight while growing
 * @param keepAliveConcurrency session reads in flight in the keep-alive pass
 * @param wallets wallets to open with deposits (0: skip)
 * @param extraWallets wallets opened beyond the cache so that earlier ones are evicted and can be
 *     reopened cold
 * @param loadLevels load levels to run
 * @param warmupSeconds unmeasured seconds before each level
 * @param levelSeconds measured seconds of each level
 * @param fundedOffers offers to fund for the order book and the CPU figure (0: skip)
 * @param fundingSequences one-client create-to-funded sequences to time
 * @param traders concurrent traders doing whole trades
 * @param tradesPerTrader whole trades each trader does
 */
public record BenchmarkPlan(
    String mode,
    int[] sessionSteps,
    int warmupSessions,
    int loginConcurrency,
    int keepAliveConcurrency,
    int wallets,
    int extraWallets,
    List<Level> loadLevels,
    double warmupSeconds,
    double levelSeconds,
    int fundedOffers,
    int fundingSequences,
    int traders,
    int tradesPerTrader) {

  /**
   * One load level.
   *
   * @param clients concurrent clients
   * @param thinkMillis mean think time, 0 for a closed loop
   */
  public record Level(int clients, int thinkMillis) {}

  /** The full run: 20,000 sessions, 200 wallets, 10/50/200 clients; about 25 minutes. */
  public static BenchmarkPlan full() {
    return new BenchmarkPlan(
        "full",
        new int[] {0, 1_000, 5_000, 10_000, 20_000},
        1_000,
        16,
        32,
        200,
        50,
        List.of(new Level(10, 0), new Level(50, 0), new Level(200, 0), new Level(200, 1000)),
        10,
        60,
        1_500,
        30,
        20,
        3);
  }

  /** The CI smoke: tiny counts, seconds of load; asserts only that the benchmark works. */
  public static BenchmarkPlan quick() {
    return new BenchmarkPlan(
        "quick",
        new int[] {0, 20, 60},
        20,
        8,
        8,
        3,
        1,
        List.of(new Level(10, 0), new Level(50, 0)),
        1,
        2,
        6,
        2,
        2,
        1);
  }

  /** The session-memory part of the full run alone, for a second reading of its figures. */
  public static BenchmarkPlan sessionsOnly() {
    BenchmarkPlan f = full();
    return new BenchmarkPlan(
        "sessions",
        f.sessionSteps(),
        f.warmupSessions(),
        f.loginConcurrency(),
        f.keepAliveConcurrency(),
        0,
        0,
        List.of(),
        0,
        0,
        0,
        0,
        0,
        0);
  }

  /** The plan named by {@code mode}. */
  public static BenchmarkPlan of(String mode) {
    return switch (mode) {
      case "full" -> full();
      case "quick" -> quick();
      case "sessions" -> sessionsOnly();
      default -> throw new IllegalArgumentException("unknown mode: " + mode);
    };
  }
}
