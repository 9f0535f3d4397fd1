package org.openpleb.ee.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How many sessions and open wallets a server can carry, from the measured footprint of one session
 * and one open wallet, laid out like the capacity analysis' table for 4, 8 and 16 GB servers, plus
 * a row for this server's own heap.
 *
 * <p>The model, per server:
 *
 * <ol>
 *   <li>heap = machine memory × {@link #HEAP_SHARE} (the JVM runs with {@code
 *       -XX:MaxRAMPercentage=50}; the other half holds metaspace, threads, SQLite page caches and
 *       the kernel). For this server's row the heap is its actual maximum.
 *   <li>budget = floor(heap × memory warning ratio) − baseline heap: a fully loaded server sits at
 *       the WARNING threshold, so the CRITICAL and EMERGENCY margins stay free for spikes.
 *   <li>Open wallets scale with sessions as configured: {@code WALLET_CACHE_SIZE} wallets per
 *       {@code SESSION_LIMIT} sessions (200 per 600). One session then costs perSession + perWallet
 *       × cache / limit, so sessions supported = floor(budget × limit / (perSession × limit +
 *       perWallet × cache)), and wallets open = floor(sessions × cache / limit).
 *   <li>The recommended session limit is the sessions supported rounded down to a multiple of 10;
 *       the recommended wallet cache and session thresholds keep the configured proportions to the
 *       limit (300/400/450 of 600), each rounded down.
 * </ol>
 *
 * @param footprint the measured costs the estimate starts from
 * @param configured the limits in force, whose proportions the recommendations keep
 * @param servers one row per server size, smallest first, then this server
 */
public record CapacityEstimate(
    Footprint footprint, Limits configured, List<ServerCapacity> servers) {

  /** Share of machine memory given to the JVM heap on the standard servers. */
  public static final double HEAP_SHARE = 0.5;

  private static final long GIB = 1L << 30;

  /** The machine sizes of the capacity analysis' scaling path, in GiB. */
  public static final List<Integer> STANDARD_SERVERS_GIB = List.of(4, 8, 16);

  /** Recommended session limits are rounded down to a multiple of this. */
  public static final long LIMIT_STEP = 10;

  public CapacityEstimate {
    Objects.requireNonNull(footprint, "footprint");
    Objects.requireNonNull(configured, "configured");
    servers = List.copyOf(servers);
  }

  /**
   * What one session and one open wallet cost, as measured.
   *
   * @param perSessionBytes heap held by one live session without its wallet, at least 1
   * @param perWalletBytes memory held by one open wallet handle, at least 1
   * @param baselineHeapBytes heap the application holds with no sessions, at least 0
   */
  public record Footprint(long perSessionBytes, long perWalletBytes, long baselineHeapBytes) {
    public Footprint {
      if (perSessionBytes < 1 || perWalletBytes < 1 || baselineHeapBytes < 0) {
        throw new IllegalArgumentException(
            "footprint must be positive: session "
                + perSessionBytes
                + ", wallet "
                + perWalletBytes
                + ", baseline "
                + baselineHeapBytes);
      }
    }
  }

  /**
   * The limits in force.
   *
   * @param sessionLimit {@code SESSION_LIMIT}
   * @param walletCacheSize {@code WALLET_CACHE_SIZE}
   * @param sessionsWarning session count that enters WARNING
   * @param sessionsCritical session count that enters CRITICAL
   * @param sessionsEmergency session count that enters EMERGENCY
   * @param memoryWarning memory ratio that enters WARNING, the planning ceiling
   */
  public record Limits(
      long sessionLimit,
      long walletCacheSize,
      long sessionsWarning,
      long sessionsCritical,
      long sessionsEmergency,
      double memoryWarning) {
    public Limits {
      if (sessionLimit < 1 || walletCacheSize < 0) {
        throw new IllegalArgumentException(
            "session limit must be >= 1 and wallet cache >= 0: "
                + sessionLimit
                + ", "
                + walletCacheSize);
      }
      if (!(memoryWarning > 0 && memoryWarning <= 1)) {
        throw new IllegalArgumentException("memory warning must be in (0, 1]: " + memoryWarning);
      }
    }

    /** The limits of {@code SESSION_LIMIT}, {@code WALLET_CACHE_SIZE} and capacity settings. */
    public static Limits of(long sessionLimit, long walletCacheSize, CapacitySettings settings) {
      return new Limits(
          sessionLimit,
          walletCacheSize,
          settings.sessionsWarning(),
          settings.sessionsCritical(),
          settings.sessionsEmergency(),
          settings.memoryWarning());
    }
  }

  /**
   * Limits this estimate recommends for one server.
   *
   * @param sessionLimit recommended {@code SESSION_LIMIT}
   * @param walletCacheSize recommended {@code WALLET_CACHE_SIZE}
   * @param sessionsWarning recommended {@code CAPACITY_SESSIONS_WARNING}
   * @param sessionsCritical recommended {@code CAPACITY_SESSIONS_CRITICAL}
   * @param sessionsEmergency recommended {@code CAPACITY_SESSIONS_EMERGENCY}
   */
  public record Recommendation(
      long sessionLimit,
      long walletCacheSize,
      long sessionsWarning,
      long sessionsCritical,
      long sessionsEmergency) {}

  /**
   * One row of the table.
   *
   * @param server "4 GB", "8 GB", "16 GB" or "this server"
   * @param machineBytes machine memory; 0 for this server, whose machine size the estimate does not
   *     know
   * @param heapBytes the heap the row assumes
   * @param sessionsSupported live sessions that fit below the memory warning threshold
   * @param walletsOpen wallet handles open alongside them
   * @param recommended limits to configure on such a server
   * @param configuredLimitFits whether the configured {@code SESSION_LIMIT} fits on such a server
   */
  public record ServerCapacity(
      String server,
      long machineBytes,
      long heapBytes,
      long sessionsSupported,
      long walletsOpen,
      Recommendation recommended,
      boolean configuredLimitFits) {}

  /** The table for the standard servers and for a server whose heap maximum is {@code heapMax}. */
  public static CapacityEstimate compute(Footprint footprint, Limits limits, long heapMaxBytes) {
    if (heapMaxBytes < 1) {
      throw new IllegalArgumentException("heap max must be positive: " + heapMaxBytes);
    }
    List<ServerCapacity> rows = new ArrayList<>();
    for (int gib : STANDARD_SERVERS_GIB) {
      long machine = gib * GIB;
      // floor: a heap cannot hold a fraction of a byte
      long heap = (long) Math.floor(machine * HEAP_SHARE);
      rows.add(row(gib + " GB", machine, heap, footprint, limits));
    }
    rows.add(row("this server", 0, heapMaxBytes, footprint, limits));
    return new CapacityEstimate(footprint, limits, rows);
  }

  private static ServerCapacity row(
      String name, long machine, long heap, Footprint footprint, Limits limits) {
    // floor: plan strictly at or below the warning threshold
    long budget =
        Math.max(
            0, (long) Math.floor(heap * limits.memoryWarning()) - footprint.baselineHeapBytes());
    long limit = limits.sessionLimit();
    long cache = limits.walletCacheSize();
    long costOfLimitSessions =
        Math.addExact(
            Math.multiplyExact(footprint.perSessionBytes(), limit),
            Math.multiplyExact(footprint.perWalletBytes(), cache));
    // floor: a partial session does not fit
    long sessions = Math.multiplyExact(budget, limit) / costOfLimitSessions;
    long wallets = proportion(sessions, cache, limit);
    long recommendedLimit = sessions / LIMIT_STEP * LIMIT_STEP;
    Recommendation recommendation =
        new Recommendation(
            recommendedLimit,
            proportion(recommendedLimit, cache, limit),
            proportion(recommendedLimit, limits.sessionsWarning(), limit),
            proportion(recommendedLimit, limits.sessionsCritical(), limit),
            proportion(recommendedLimit, limits.sessionsEmergency(), limit));
    return new ServerCapacity(
        name, machine, heap, sessions, wallets, recommendation, limit <= sessions);
  }

  /**
   * floor(value × part / whole), the share of {@code value} that {@code part} is of {@code whole}.
   */
  private static long proportion(long value, long part, long whole) {
    return Math.multiplyExact(value, part) / whole;
  }
}
