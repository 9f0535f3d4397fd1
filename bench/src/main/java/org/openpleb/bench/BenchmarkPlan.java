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
 * @param sideBySide the workload of issue #17 (null: skip)
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
    int tradesPerTrader,
    SideBySidePlan sideBySide) {

  /**
   * The side-by-side workload of issue #17. Each level runs a warm-up (unmeasured, so JIT
   * compilation is mostly done) and then a measured window; each ends at its count of operations or
   * its seconds, whichever comes first.
   *
   * @param clientCounts closed-loop clients of each level (1 and 10)
   * @param returningMakers makers that fund again and again
   * @param takers takers that claim funded offers
   * @param warmupOperations operations before each window
   * @param warmupSeconds longest warm-up
   * @param windowOperations most operations in a window
   * @param windowSeconds longest window
   * @param pollMillis first pause before a waiting maker reads its offer again (doubling, at most
   *     500 ms)
   * @param idleSettleSeconds pause after the load before the quiet window
   * @param idleSeconds the quiet window
   */
  public record SideBySidePlan(
      int[] clientCounts,
      int returningMakers,
      int takers,
      int warmupOperations,
      double warmupSeconds,
      int windowOperations,
      double windowSeconds,
      long pollMillis,
      double idleSettleSeconds,
      double idleSeconds) {}

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
        3,
        new SideBySidePlan(new int[] {1, 10}, 10, 10, 30, 15, 600, 30, 20, 5, 20));
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
        1,
        new SideBySidePlan(new int[] {1, 10}, 10, 10, 2, 10, 4, 15, 20, 1, 2));
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
        0,
        null);
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
