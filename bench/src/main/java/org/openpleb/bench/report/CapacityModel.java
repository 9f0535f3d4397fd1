package org.openpleb.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The capacity analysis' table for 4, 8 and 16 GB servers, recomputed from measured footprints.
 *
 * <p>Two readings of the same figures:
 *
 * <ul>
 *   <li><b>server model</b> — exactly what the server's {@code GET /api/admin/capacity} computes
 *       once {@code FOOTPRINT_*} are set to these figures: heap = half the machine; budget =
 *       floor(heap × memory warning) − baseline heap; open wallets grow with sessions in the
 *       profiles' proportion ({@code WALLET_CACHE_SIZE} per {@code SESSION_LIMIT}, 200 per 600),
 *       each charged its full resident cost; sessions = floor(budget × limit / (perSession × limit
 *       + perWallet × cache)).
 *   <li><b>fixed wallet cache</b> — the session-wallet design as built: a session costs heap only,
 *       and wallets are open only while money moves, so the profile's cache (200, 400, 800) is
 *       charged once: sessions = floor((budget − cache × perWalletHeap) / perSession). The wallets'
 *       native memory and the JVM's non-heap memory must then fit in the other half of the machine,
 *       which the expected resident size checks.
 * </ul>
 */
public final class CapacityModel {

  private static final long GIB = 1L << 30;

  /** The machine sizes of the analysis, GiB. */
  public static final int[] SERVERS_GIB = {4, 8, 16};

  /** The analysis' sessions per server size (its profiles' SESSION_LIMIT). */
  public static final long[] ANALYSIS_SESSIONS = {600, 1200, 2400};

  /** The analysis' open wallets per server size (its profiles' WALLET_CACHE_SIZE). */
  public static final long[] ANALYSIS_WALLETS = {200, 400, 800};

  private CapacityModel() {}

  /**
   * The figures a table is computed from.
   *
   * @param perSessionBytes heap per live session
   * @param perWalletHeapBytes heap per open wallet
   * @param perWalletResidentBytes heap plus native memory per open wallet
   * @param baselineHeapBytes heap after GC with no sessions
   * @param nonHeapResidentBytes resident memory outside the heap with no sessions (metaspace, code,
   *     threads, libraries)
   * @param memoryWarning the memory ratio that enters WARNING, the planning ceiling
   * @param heapShare share of the machine given to the heap
   * @param walletFiguresMeasured whether the wallet figures were measured in this run (otherwise
   *     they are the server's configured defaults)
   */
  public record Inputs(
      double perSessionBytes,
      double perWalletHeapBytes,
      double perWalletResidentBytes,
      long baselineHeapBytes,
      long nonHeapResidentBytes,
      double memoryWarning,
      double heapShare,
      boolean walletFiguresMeasured) {}

  /**
   * One server size.
   *
   * @param server "4 GB", "8 GB" or "16 GB"
   * @param machineBytes machine memory
   * @param heapBytes heap
   * @param sessionsSupported live sessions that fit below the memory warning threshold
   * @param walletsOpen open wallets alongside them
   * @param recommendedSessionLimit sessions rounded down to a multiple of 10
   * @param analysisSessions what the capacity analysis planned for this size
   * @param timesAnalysis sessions supported divided by the analysis' figure
   * @param expectedRssBytes heap maximum plus non-heap baseline plus the wallets' native memory
   * @param residentFits whether that stays below the memory warning ratio of the machine
   */
  public record Row(
      String server,
      long machineBytes,
      long heapBytes,
      long sessionsSupported,
      long walletsOpen,
      long recommendedSessionLimit,
      long analysisSessions,
      double timesAnalysis,
      long expectedRssBytes,
      boolean residentFits) {}

  /** The server's own model (wallets in the profiles' proportion to sessions). */
  public static List<Row> serverModel(Inputs in) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < SERVERS_GIB.length; i++) {
      long machine = SERVERS_GIB[i] * GIB;
      long heap = (long) Math.floor(machine * in.heapShare());
      long budget = budget(heap, in);
      long limit = ANALYSIS_SESSIONS[i];
      long cache = ANALYSIS_WALLETS[i];
      double costOfLimit = in.perSessionBytes() * limit + in.perWalletResidentBytes() * cache;
      // floor: a partial session does not fit
      long sessions = (long) Math.floor(budget * (double) limit / costOfLimit);
      long wallets = sessions * cache / limit;
      rows.add(row(i, machine, heap, sessions, wallets, in));
    }
    return rows;
  }

  /** The fixed-cache model (the profile's wallet cache charged once). */
  public static List<Row> fixedCacheModel(Inputs in) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < SERVERS_GIB.length; i++) {
      long machine = SERVERS_GIB[i] * GIB;
      long heap = (long) Math.floor(machine * in.heapShare());
      long cache = ANALYSIS_WALLETS[i];
      double left = budget(heap, in) - cache * in.perWalletHeapBytes();
      long sessions = left <= 0 ? 0 : (long) Math.floor(left / in.perSessionBytes());
      rows.add(row(i, machine, heap, sessions, cache, in));
    }
    return rows;
  }

  private static long budget(long heap, Inputs in) {
    // floor: plan strictly at or below the warning threshold
    return Math.max(0, (long) Math.floor(heap * in.memoryWarning()) - in.baselineHeapBytes());
  }

  private static Row row(int i, long machine, long heap, long sessions, long wallets, Inputs in) {
    double nativePerWallet = Math.max(0, in.perWalletResidentBytes() - in.perWalletHeapBytes());
    long rss = heap + in.nonHeapResidentBytes() + (long) Math.ceil(wallets * nativePerWallet);
    return new Row(
        SERVERS_GIB[i] + " GB",
        machine,
        heap,
        sessions,
        wallets,
        sessions / 10 * 10,
        ANALYSIS_SESSIONS[i],
        sessions / (double) ANALYSIS_SESSIONS[i],
        rss,
        rss <= machine * in.memoryWarning());
  }
}
