package org.openpleb.bench.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.openpleb.bench.stats.LatencyRecorder;
import org.openpleb.bench.stats.Percentiles;

/**
 * Open wallets: live sessions each fund their wallet with one Lightning deposit (the dev mint pays
 * the invoice, the server's watcher mints the ecash and so opens the wallet), then memory is taken
 * again; the difference divided by the open handles is one wallet's cost. Opening more wallets than
 * the handle cache holds evicts the first ones, which a token withdrawal then reopens from disk
 * (cold) and a second withdrawal finds open (warm).
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

  private static final long CREDIT_TIMEOUT_NANOS = 180_000_000_000L;

  private final ServerUnderTest server;
  private final SessionPool pool;
  private final List<String> notes;

  /** The scenario on {@code server} with sessions of {@code pool}. */
  public WalletScenario(ServerUnderTest server, SessionPool pool, List<String> notes) {
    this.server = server;
    this.pool = pool;
    this.notes = notes;
  }

  /** Opens {@code wallets} wallets plus {@code extra} to force evictions, and measures. */
  public WalletMemory run(ApiSurface surface, int wallets, int extra) {
    List<String> missing = surface.missing(REQUIRED);
    if (!missing.isEmpty()) {
      return unavailable("the server lacks " + String.join(", ", missing));
    }
    int count = Math.min(wallets + extra, pool.size());
    if (count == 0) {
      return unavailable("no live sessions to open wallets for");
    }
    ApiClient api = server.api();
    MemoryStep before = server.measure("before the wallets", pool.size(), 0);
    ClassHistogram histBefore = server.jvm().classHistogram();
    MetricsText m0 = server.metrics();

    // Fund each wallet; the deposits of the first `extra` wallets go first so that they are the
    // least recently used when the cache fills up.
    LatencyRecorder depositRec = new LatencyRecorder();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    SessionPool.runConcurrently(
        Math.min(8, count),
        worker -> {
          int i;
          while ((i = next.getAndIncrement()) < count) {
            UserSession s = pool.get(i);
            long start = System.nanoTime();
            if (fund(api, s, DEPOSIT_SATS)) {
              depositRec.success("deposit", System.nanoTime() - start);
            } else {
              failed.incrementAndGet();
            }
          }
        });
    if (failed.get() > 0) {
      notes.add(failed.get() + " of " + count + " Lightning deposits were not credited in time");
    }
    MetricsText m1 = server.metrics();
    long handles = (long) m1.value("openpleb_wallet_cache_size").orElse(Math.min(count, wallets));
    MemoryStep after = server.measure("with the wallets open", pool.size(), handles);
    ClassHistogram histAfter = server.jvm().classHistogram();

    List<WalletOpen> opens = new ArrayList<>();
    opens.add(
        serverOpens("cold", "server timer openpleb_wallet_open, first opens (new files)", m0, m1));

    // Reopen the evicted wallets (cold) and use them again at once (warm), if the build can.
    if (surface.has(TOKEN_WITHDRAWAL) && extra > 0 && handles < count) {
      LatencyRecorder cold = new LatencyRecorder();
      LatencyRecorder warm = new LatencyRecorder();
      MetricsText r0 = server.metrics();
      for (int i = 0; i < Math.min(extra, count); i++) {
        UserSession s = pool.get(i);
        withdraw(api, s, cold);
        withdraw(api, s, warm);
      }
      MetricsText r1 = server.metrics();
      opens.add(
          0, serverOpens("cold", "server timer openpleb_wallet_open, reopened from disk", r0, r1));
      opens.add(
          new WalletOpen(
              "cold",
              "driver: token withdrawal that reopens an evicted wallet",
              cold.allSamples().length,
              Percentiles.of(cold.allSamples())));
      opens.add(
          new WalletOpen(
              "warm",
              "driver: the same withdrawal on the open handle",
              warm.allSamples().length,
              Percentiles.of(warm.allSamples())));
    } else {
      notes.add(
          "Warm wallet use and reopening from disk were not measured: "
              + (surface.has(TOKEN_WITHDRAWAL)
                  ? "no wallet was evicted"
                  : "this build has no " + TOKEN_WITHDRAWAL));
    }

    FileFigures files = files(server.walletDir());
    long opened = Math.max(1, handles);
    double heapPer = (after.heapUsedBytes() - before.heapUsedBytes()) / (double) opened;
    // The heap is pre-touched, so resident growth beyond the committed-heap growth is native.
    double nativePer =
        Math.max(
                0,
                (after.rssBytes() - before.rssBytes())
                    - (after.heapCommittedBytes() - before.heapCommittedBytes()))
            / (double) opened;
    List<Growth> growth = SessionMemoryScenario.growth(histBefore, histAfter, opened, 15);
    return new WalletMemory(
        null,
        count - failed.get(),
        handles,
        before,
        after,
        heapPer,
        nativePer,
        heapPer + nativePer,
        Long.bitCount(DEPOSIT_SATS),
        files.meanAll(),
        files.maxAll(),
        files.meanDatabase(),
        files.wallets(),
        opens,
        Percentiles.of(depositRec.allSamples()),
        growth);
  }

  /** Asks for a deposit and waits until the wallet shows it credited. */
  static boolean fund(ApiClient api, UserSession s, long sats) {
    ApiResponse asked =
        api.post(
            "POST /api/wallet/deposits/lightning",
            "/api/wallet/deposits/lightning",
            s.token(),
            Map.of("amount", sats));
    if (!asked.ok()) {
      return false;
    }
    long deadline = System.nanoTime() + CREDIT_TIMEOUT_NANOS;
    while (System.nanoTime() < deadline) {
      ApiResponse w = api.get("GET /api/wallet", "/api/wallet", s.token());
      if (w.ok() && spendable(w.json()) >= sats) {
        return true;
      }
      pause(100);
    }
    return false;
  }

  /** Spendable sats of a wallet answer: flat {@code spendable}, or inside {@code balance}. */
  static long spendable(com.fasterxml.jackson.databind.JsonNode wallet) {
    return wallet.has("spendable")
        ? wallet.path("spendable").asLong()
        : wallet.path("balance").path("spendable").asLong();
  }

  private static void withdraw(ApiClient api, UserSession s, LatencyRecorder into) {
    ApiResponse r =
        api.post(TOKEN_WITHDRAWAL, "/api/wallet/withdrawals/token", s.token(), Map.of("amount", 1));
    if (r.ok()) {
      into.success(TOKEN_WITHDRAWAL, r.nanos());
    } else {
      into.failure(TOKEN_WITHDRAWAL);
    }
  }

  /**
   * The server's wallet open timer between two scrapes: count and mean exact, quantiles its own.
   */
  static WalletOpen serverOpens(String kind, String source, MetricsText a, MetricsText b) {
    String base = timerBase(b);
    if (base == null) {
      return new WalletOpen(
          kind, "the server exposes no openpleb_wallet_open timer", 0, Percentiles.NONE);
    }
    long count = (long) (b.value(base + "_count").orElse(0) - a.value(base + "_count").orElse(0));
    double sum = b.value(base + "_sum").orElse(0) - a.value(base + "_sum").orElse(0);
    double scale = base.endsWith("_seconds") ? 1e9 : 1e6;
    long mean = count > 0 ? (long) (sum / count * scale) : 0;
    long p50 = (long) (b.value(base, "quantile", "0.5").orElse(0) * scale);
    long p95 = (long) (b.value(base, "quantile", "0.95").orElse(0) * scale);
    long p99 = (long) (b.value(base, "quantile", "0.99").orElse(0) * scale);
    long max = (long) (b.value(base + "_max").orElse(0) * scale);
    return new WalletOpen(
        kind,
        source + " (quantiles over the timer's recent samples)",
        count,
        new Percentiles(count, 0, p50, p95, p99, max, mean));
  }

  private static String timerBase(MetricsText m) {
    for (String candidate :
        List.of(
            "openpleb_wallet_open_seconds",
            "openpleb_wallet_open_milliseconds",
            "openpleb_wallet_open")) {
      if (m.value(candidate + "_count").isPresent()) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * Wallet files on disk.
   *
   * @param wallets wallets found (database files)
   * @param meanDatabase mean database file size
   * @param meanAll mean size of database, WAL and shared-memory files together
   * @param maxAll largest such total
   */
  record FileFigures(int wallets, double meanDatabase, double meanAll, long maxAll) {}

  /** Groups the files of WALLET_DIR by wallet: {@code x}, {@code x-wal}, {@code x-shm}. */
  static FileFigures files(Path dir) {
    if (dir == null || !Files.isDirectory(dir)) {
      return new FileFigures(0, 0, 0, 0);
    }
    Map<String, long[]> byWallet = new HashMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
        String name = p.toString();
        boolean side = name.endsWith("-wal") || name.endsWith("-shm") || name.endsWith("-journal");
        String key = side ? name.substring(0, name.lastIndexOf('-')) : name;
        long size = Files.size(p);
        long[] sizes = byWallet.computeIfAbsent(key, k -> new long[2]);
        if (!side) {
          sizes[0] += size;
        }
        sizes[1] += size;
      }
    } catch (IOException e) {
      return new FileFigures(0, 0, 0, 0);
    }
    List<long[]> wallets = byWallet.values().stream().filter(s -> s[0] > 0).toList();
    if (wallets.isEmpty()) {
      return new FileFigures(0, 0, 0, 0);
    }
    double db = wallets.stream().mapToLong(s -> s[0]).average().orElse(0);
    double total = wallets.stream().mapToLong(s -> s[1]).average().orElse(0);
    long max = wallets.stream().mapToLong(s -> s[1]).max().orElse(0);
    return new FileFigures(wallets.size(), db, total, max);
  }

  /** The figures of a scenario that could not run. */
  public static WalletMemory unavailable(String why) {
    return new WalletMemory(
        why, 0, 0, null, null, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), Percentiles.NONE, List.of());
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
