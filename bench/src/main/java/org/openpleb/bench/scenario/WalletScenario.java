package org.openpleb.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.openpleb.bench.client.ApiClient;
import org.openpleb.bench.client.ApiResponse;
import org.openpleb.bench.client.ApiSurface;
import org.openpleb.bench.client.UserSession;
import org.openpleb.bench.report.RunResults.Growth;
import org.openpleb.bench.report.RunResults.MemoryStep;
import org.openpleb.bench.report.RunResults.WalletMemory;
import org.openpleb.bench.report.RunResults.WalletOpen;
import org.openpleb.bench.server.ClassHistogram;
import org.openpleb.bench.server.MetricsText;
import org.openpleb.bench.server.WalletFileAnatomy;
import org.openpleb.bench.stats.LatencyRecorder;
import org.openpleb.bench.stats.Percentiles;

/**
 * Open wallets: live sessions each fund their wallet with one Lightning deposit (the dev mint pays
 * the invoice, the server's watcher mints the ecash and so opens the wallet), then memory is taken
 * again; the difference divided by the handles added is one wallet's cost. A few warm-up wallets
 * are opened before the first reading so that loading and compiling the wallet code does not count
 * as wallet memory. Opening more wallets than the handle cache holds evicts the first ones, which a
 * token withdrawal then reopens from disk (cold) and a second withdrawal finds open (warm).
 *
 * <p>The scenario uses the pool's sessions from index 0 to {@link #sessionsUsed()} − 1.
 */
public final class WalletScenario {

  /** The operations the scenario needs. */
  public static final List<String> REQUIRED =
      List.of("GET /api/wallet", "POST /api/wallet/deposits/lightning");

  /** The operation that reopens an evicted wallet, when the build has it. */
  public static final String TOKEN_WITHDRAWAL = "POST /api/wallet/withdrawals/token";

  /**
   * Sats per deposit: 2^29 − 1 is 29 one-bit denominations, so each wallet holds 29 proofs — "a few
   * dozen", the target's file-size case — within the dev mint's quote limit.
   */
  public static final long DEPOSIT_SATS = (1L << 29) - 1;

  /** The server's timer of the wallet library's part of a reopen. */
  static final String REOPEN_FILE_TIMER = "openpleb_wallet_reopen_file";

  private static final long CREDIT_TIMEOUT_NANOS = 180_000_000_000L;

  private final ServerUnderTest server;
  private final SessionPool pool;
  private final int warmup;
  private final List<String> notes;
  private final Set<String> walletIds = ConcurrentHashMap.newKeySet();
  private int used;

  /** The scenario on {@code server} with sessions of {@code pool}, {@code warmup} wallets first. */
  public WalletScenario(ServerUnderTest server, SessionPool pool, int warmup, List<String> notes) {
    this.server = server;
    this.pool = pool;
    this.warmup = warmup;
    this.notes = notes;
  }

  /** Sessions the scenario used, from index 0. */
  public int sessionsUsed() {
    return used;
  }

  /** Opens {@code wallets} wallets plus {@code extra} to force evictions, and measures. */
  public WalletMemory run(ApiSurface surface, int wallets, int extra) {
    List<String> missing = surface.missing(REQUIRED);
    if (!missing.isEmpty()) {
      return unavailable("the server lacks " + String.join(", ", missing));
    }
    int count = Math.min(wallets + extra, pool.size() - warmup);
    if (count <= 0) {
      return unavailable("no live sessions to open wallets for");
    }
    used = warmup + count;
    ApiClient api = server.api();

    // Warm-up: the first wallets load and compile the wallet code, deposits and the token
    // withdrawals of the cold and warm passes alike (on open handles), so neither pass pays for
    // the JIT compiler's work on them.
    fundAll(api, 0, warmup, new LatencyRecorder(), false);
    if (surface.has(TOKEN_WITHDRAWAL)) {
      for (int i = 0; i < warmup; i++) {
        withdraw(api, pool.get(i), 1);
        withdraw(api, pool.get(i), 2);
      }
    }
    MetricsText m0 = server.metrics();
    long handlesBefore = (long) m0.value("openpleb_wallet_cache_size").orElse(warmup);
    MemoryStep before =
        server.measure(
            "before (" + handlesBefore + " warm-up wallets open)", pool.size(), handlesBefore);
    ClassHistogram histBefore = server.jvm().classHistogram();

    // The measured wallets, in order, so the first `extra` become the least recently used.
    LatencyRecorder depositRec = new LatencyRecorder();
    int failed = fundAll(api, warmup, count, depositRec, true);
    if (failed > 0) {
      notes.add(failed + " of " + count + " Lightning deposits were not credited in time");
    }
    MetricsText m1 = server.metrics();
    long handles = (long) m1.value("openpleb_wallet_cache_size").orElse(Math.min(count, wallets));
    MemoryStep after = server.measure("with the wallets open", pool.size(), handles);
    ClassHistogram histAfter = server.jvm().classHistogram();
    FileFigures open = files(server.walletDir(), walletIds);

    List<WalletOpen> opens = new ArrayList<>();
    opens.add(serverOpens("cold", "server timer, first opens (new wallet files)", m0, m1));

    // Reopen the evicted wallets (cold pass), then use the same wallets again while they are open
    // (warm pass): the reopened handles are the most recently used, so the cold pass evicts others.
    double cpuCold = 0;
    double cpuWarm = 0;
    if (surface.has(TOKEN_WITHDRAWAL) && extra > 0 && handles < count) {
      int n = Math.min(extra, count);
      long[] coldNanos = new long[n];
      long[] warmNanos = new long[n];
      server.startProfile(ServerUnderTest.PROFILE_REOPEN);
      MetricsText r0 = server.metrics();
      double c0 = server.serverCpu();
      for (int i = 0; i < n; i++) {
        // 1 sat, then 2 sats: each matches one proof exactly, so neither needs a swap
        coldNanos[i] = withdraw(api, pool.get(warmup + i), 1);
      }
      double c1 = server.serverCpu();
      MetricsText r1 = server.metrics();
      server.stopProfile();
      // after the recording is stopped and written: that is the server's CPU, not the pass's
      double c1b = server.serverCpu();
      for (int i = 0; i < n; i++) {
        warmNanos[i] = withdraw(api, pool.get(warmup + i), 2);
      }
      double c2 = server.serverCpu();
      cpuCold = (c1 - c0) * 1000 / n;
      cpuWarm = (c2 - c1b) * 1000 / n;
      opens.add(
          0, serverReopens("cold", "server timer, evicted wallets reopened from disk", r0, r1));
      if (r1.value(REOPEN_FILE_TIMER + "_seconds_count").isPresent()) {
        opens.add(
            1,
            serverOpens(
                "cold",
                "server timer, the wallet library's part of these reopens (SQLite open, schema"
                    + " check, recovery)",
                REOPEN_FILE_TIMER,
                r0,
                r1));
      }
      opens.add(
          driverOpens("cold", "driver: 1-sat token withdrawal that reopens the wallet", coldNanos));
      opens.add(
          driverOpens("warm", "driver: 2-sat token withdrawal on the open handle", warmNanos));
      long[] diff = new long[n];
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (coldNanos[i] > 0 && warmNanos[i] > 0) {
          diff[k++] = Math.max(0, coldNanos[i] - warmNanos[i]);
        }
      }
      opens.add(
          driverOpens(
              "cold",
              "driver: cold minus warm withdrawal of the same wallet (the open alone, estimated)",
              java.util.Arrays.copyOf(diff, k)));
    } else {
      notes.add(
          "Warm wallet use and reopening from disk were not measured: "
              + (surface.has(TOKEN_WITHDRAWAL)
                  ? "no wallet was evicted (the run opened fewer wallets than the cache holds)"
                  : "this build has no " + TOKEN_WITHDRAWAL));
    }

    long added = Math.max(1, handles - handlesBefore);
    double heapPer = (after.heapUsedBytes() - before.heapUsedBytes()) / (double) added;
    // The heap is pre-touched: resident growth beyond the heap, the classes and the compiled
    // code is the wallets' native memory (SQLite, the mapped WAL index).
    double nativePer =
        Math.max(0, after.residentDataBytes() - before.residentDataBytes()) / (double) added;
    List<Growth> growth = SessionMemoryScenario.growth(histBefore, histAfter, added, 15);
    return new WalletMemory(
        null,
        count - failed,
        handles,
        added,
        before,
        after,
        heapPer,
        nativePer,
        heapPer + nativePer,
        Long.bitCount(DEPOSIT_SATS),
        cpuCold,
        cpuWarm,
        open.meanAll(),
        0,
        0,
        0,
        WalletFileAnatomy.NONE,
        opens,
        Percentiles.of(depositRec.allSamples()),
        growth);
  }

  /**
   * Adds the closed files of this scenario's wallets to {@code figures}: call once their handles
   * are closed (their sessions logged out), when SQLite has checkpointed the WAL into the file.
   */
  public WalletMemory withClosedFiles(WalletMemory figures) {
    if (figures.unavailable() != null || walletIds.isEmpty()) {
      return figures;
    }
    FileFigures closed = files(server.walletDir(), walletIds);
    WalletFileAnatomy anatomy = WalletFileAnatomy.of(closed.databases(), 25);
    return figures.withClosedFiles(closed.meanAll(), closed.maxAll(), closed.wallets(), anatomy);
  }

  /** Funds the sessions from {@code from}, {@code count} of them; returns how many failed. */
  private int fundAll(ApiClient api, int from, int count, LatencyRecorder rec, boolean remember) {
    AtomicInteger next = new AtomicInteger(from);
    AtomicInteger failed = new AtomicInteger();
    if (count <= 0) {
      return 0;
    }
    SessionPool.runConcurrently(
        Math.min(8, count),
        worker -> {
          int i;
          while ((i = next.getAndIncrement()) < from + count) {
            UserSession s = pool.get(i);
            long start = System.nanoTime();
            String walletId = fund(api, s, DEPOSIT_SATS);
            if (walletId != null) {
              rec.success("deposit", System.nanoTime() - start);
              if (remember) {
                walletIds.add(walletId);
              }
            } else {
              failed.incrementAndGet();
            }
          }
        });
    return failed.get();
  }

  /**
   * Asks for a deposit and waits until the wallet shows it credited; the wallet's id, or null when
   * it was not credited in time.
   */
  static String fund(ApiClient api, UserSession s, long sats) {
    ApiResponse asked =
        api.post(
            "POST /api/wallet/deposits/lightning",
            "/api/wallet/deposits/lightning",
            s.token(),
            Map.of("amount", sats));
    if (!asked.ok()) {
      return null;
    }
    long deadline = System.nanoTime() + CREDIT_TIMEOUT_NANOS;
    while (System.nanoTime() < deadline) {
      ApiResponse w = api.get("GET /api/wallet", "/api/wallet", s.token());
      if (w.ok() && spendable(w.json()) >= sats) {
        String id = w.text("walletId");
        return id == null ? "" : id;
      }
      pause(100);
    }
    return null;
  }

  /** Spendable sats of a wallet answer: flat {@code spendable}, or inside {@code balance}. */
  static long spendable(JsonNode wallet) {
    return wallet.has("spendable")
        ? wallet.path("spendable").asLong()
        : wallet.path("balance").path("spendable").asLong();
  }

  /** A token withdrawal of {@code sats}; its latency, or 0 when it failed. */
  private static long withdraw(ApiClient api, UserSession s, long sats) {
    ApiResponse r =
        api.post(
            TOKEN_WITHDRAWAL, "/api/wallet/withdrawals/token", s.token(), Map.of("amount", sats));
    return r.ok() ? r.nanos() : 0;
  }

  private static WalletOpen driverOpens(String kind, String source, long[] nanos) {
    long[] ok = java.util.Arrays.stream(nanos).filter(v -> v > 0).toArray();
    return new WalletOpen(kind, source, ok.length, Percentiles.of(ok));
  }

  /**
   * The server's wallet open timer between two scrapes. Count and sum are exact for the interval
   * (their difference); the quantiles and the maximum are the timer's own, over its recent samples.
   * Payara exports those in nanoseconds although the metric is named in seconds (the sum is in
   * seconds), so a quantile above 1,000 is read as nanoseconds.
   */
  static WalletOpen serverOpens(String kind, String source, MetricsText a, MetricsText b) {
    return serverOpens(kind, source, "openpleb_wallet_open", a, b);
  }

  /**
   * The reopen timer (existing files only) between two scrapes, or the open timer when the server
   * has none: its recent samples are not mixed with the creation of new files.
   */
  static WalletOpen serverReopens(String kind, String source, MetricsText a, MetricsText b) {
    return b.value("openpleb_wallet_reopen_seconds_count").isPresent()
        ? serverOpens(kind, source, "openpleb_wallet_reopen", a, b)
        : serverOpens(kind, source, a, b);
  }

  static WalletOpen serverOpens(
      String kind, String source, String timer, MetricsText a, MetricsText b) {
    String base = timer + "_seconds";
    if (b.value(base + "_count").isEmpty()) {
      return new WalletOpen(kind, "the server exposes no " + timer + " timer", 0, Percentiles.NONE);
    }
    long count = (long) (b.value(base + "_count").orElse(0) - a.value(base + "_count").orElse(0));
    double sum = b.value(base + "_sum").orElse(0) - a.value(base + "_sum").orElse(0);
    long mean = count > 0 ? (long) (sum / count * 1e9) : 0;
    return new WalletOpen(
        kind,
        source
            + " ("
            + timer
            + ": mean exact for these opens, percentiles over the timer's recent samples)",
        count,
        new Percentiles(
            count,
            0,
            nanos(b.value(base, "quantile", "0.5").orElse(0)),
            nanos(b.value(base, "quantile", "0.95").orElse(0)),
            nanos(b.value(base, "quantile", "0.99").orElse(0)),
            nanos(b.value(base + "_max").orElse(0)),
            mean));
  }

  /** A timer snapshot value in nanoseconds, whether exported in seconds or (Payara) nanoseconds. */
  static long nanos(double exported) {
    return exported > 1_000 ? (long) exported : (long) (exported * 1e9);
  }

  /**
   * Wallet files on disk.
   *
   * @param wallets wallets found
   * @param meanAll mean size of database, WAL and shared-memory files together
   * @param maxAll largest such total
   * @param databases the database files
   */
  record FileFigures(int wallets, double meanAll, long maxAll, List<Path> databases) {}

  /**
   * The files of the wallets {@code ids} in {@code dir} ({@code <id>.sqlite} with its {@code -wal}
   * and {@code -shm} companions).
   */
  static FileFigures files(Path dir, Set<String> ids) {
    if (dir == null || !Files.isDirectory(dir) || ids.isEmpty()) {
      return new FileFigures(0, 0, 0, List.of());
    }
    List<Long> totals = new ArrayList<>();
    List<Path> databases = new ArrayList<>();
    for (String id : ids) {
      Path db = dir.resolve(id + ".sqlite");
      if (!Files.isRegularFile(db)) {
        continue;
      }
      long total = 0;
      for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
        Path p = dir.resolve(id + ".sqlite" + suffix);
        try {
          total += Files.isRegularFile(p) ? Files.size(p) : 0;
        } catch (IOException e) {
          // vanished between the check and the size: a checkpoint removed it
        }
      }
      totals.add(total);
      databases.add(db);
    }
    if (totals.isEmpty()) {
      return new FileFigures(0, 0, 0, List.of());
    }
    return new FileFigures(
        totals.size(),
        totals.stream().mapToLong(Long::longValue).average().orElse(0),
        totals.stream().mapToLong(Long::longValue).max().orElse(0),
        databases);
  }

  /** Every wallet file in {@code dir}: how many there are (for the report's notes). */
  static long countFiles(Path dir) {
    if (dir == null || !Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> all = Files.list(dir)) {
      return all.filter(p -> p.toString().endsWith(".sqlite")).count();
    } catch (IOException e) {
      return 0;
    }
  }

  /** The figures of a scenario that could not run. */
  public static WalletMemory unavailable(String why) {
    return new WalletMemory(
        why,
        0,
        0,
        0,
        null,
        null,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        WalletFileAnatomy.NONE,
        List.of(),
        Percentiles.NONE,
        List.of());
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
