package org.openpleb.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openpleb.bench.client.AdminCredentials;
import org.openpleb.bench.client.ApiClient;
import org.openpleb.bench.client.ApiSurface;
import org.openpleb.bench.report.RunArchive;
import org.openpleb.bench.report.RunResults;
import org.openpleb.bench.report.RunResults.LoadLevel;
import org.openpleb.bench.report.RunResults.ScenarioStatus;
import org.openpleb.bench.report.RunResults.SessionMemory;
import org.openpleb.bench.report.RunResults.Trades;
import org.openpleb.bench.report.RunResults.WalletMemory;
import org.openpleb.bench.scenario.CapacityReading;
import org.openpleb.bench.scenario.CapacityWatch;
import org.openpleb.bench.scenario.LoadScenario;
import org.openpleb.bench.scenario.Operation;
import org.openpleb.bench.scenario.ServerUnderTest;
import org.openpleb.bench.scenario.SessionMemoryScenario;
import org.openpleb.bench.scenario.SessionPool;
import org.openpleb.bench.scenario.SideBySideScenario;
import org.openpleb.bench.scenario.TradeScenario;
import org.openpleb.bench.scenario.WalletScenario;
import org.openpleb.bench.server.ClassHistogram;
import org.openpleb.bench.server.JvmDiagnostics;
import org.openpleb.bench.server.MachineInfo;
import org.openpleb.bench.server.ProcessProbe;
import org.openpleb.bench.server.ProcessTreeProbe;

/**
 * The capacity benchmark's driver, run by {@code bench/run.sh} against a server it started: runs
 * the plan's scenarios in order (sessions, wallets, load, trades, capacity, logout), then writes
 * the day's report. {@code hash-password} prints the admin password hash the script configures.
 *
 * <pre>
 * java -jar bench.jar --mode full --base-url http://127.0.0.1:18480 --server-pid 123
 *     --mint-pid 124 --wallet-dir /tmp/w --results bench/results --command "bench/run.sh"
 * echo secret | java -jar bench.jar hash-password
 * java -jar bench.jar render bench/results/2026-11-27     (the report again from runs/*.json)
 * </pre>
 */
public final class BenchmarkMain {

  private BenchmarkMain() {}

  /** Runs the benchmark, or a helper command. */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("hash-password")) {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String password = in.readLine();
      if (password == null || password.isEmpty()) {
        throw new IllegalArgumentException("no password on standard input");
      }
      System.out.println(AdminCredentials.hash(password));
      return;
    }
    if (args.length == 2 && args[0].equals("render")) {
      System.out.println("bench: report written to " + new RunArchive(Path.of(args[1])).rerender());
      return;
    }
    Map<String, String> opts = options(args);
    Path report = run(opts);
    System.out.println("bench: report written to " + report);
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got: " + args[i]);
      }
      opts.put(args[i].substring(2), args[++i]);
    }
    return opts;
  }

  private static Path run(Map<String, String> opts) {
    BenchmarkPlan plan = BenchmarkPlan.of(opts.getOrDefault("mode", "full"));
    String baseUrl = opts.getOrDefault("base-url", "http://127.0.0.1:18480");
    long serverPid = Long.parseLong(require(opts, "server-pid"));
    ProcessProbe mint =
        opts.containsKey("mint-pid")
            ? new ProcessProbe(Long.parseLong(opts.get("mint-pid")))
            : null;
    Path walletDir = opts.containsKey("wallet-dir") ? Path.of(opts.get("wallet-dir")) : null;
    ProcessTreeProbe database =
        opts.containsKey("database-pid")
            ? new ProcessTreeProbe(Long.parseLong(opts.get("database-pid")))
            : null;
    List<String> settings =
        opts.containsKey("settings")
            ? Arrays.asList(opts.get("settings").trim().split("\\s+"))
            : List.of();
    MachineInfo machine = MachineInfo.here();
    double loadStart = MachineInfo.loadAverage();
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<String> notes = new ArrayList<>();

    try (ApiClient api = new ApiClient(baseUrl)) {
      JvmDiagnostics jvm = new JvmDiagnostics(serverPid);
      ServerUnderTest server =
          new ServerUnderTest(api, new ProcessProbe(serverPid), jvm, mint, database, walletDir);
      ApiSurface surface = ApiSurface.read(api);
      if (surface.operations().isEmpty()) {
        throw new IllegalStateException("the server's OpenAPI document could not be read");
      }
      String vmVersion = jvm.vmVersion();
      String vmFlags = jvm.vmFlags();
      long heapMax = heapMax(vmFlags);
      CapacityWatch watch = new CapacityWatch(server);
      watch.start();

      SessionPool pool = new SessionPool(server);
      SessionMemory sessions =
          new SessionMemoryScenario(
                  server, pool, plan.loginConcurrency(), plan.keepAliveConcurrency(), notes)
              .run(surface, plan.sessionSteps(), plan.warmupSessions());

      WalletScenario walletScenario =
          new WalletScenario(server, pool, plan.wallets() >= 100 ? 20 : 1, notes);
      WalletMemory wallets =
          plan.wallets() > 0
              ? walletScenario.run(surface, plan.wallets(), plan.extraWallets())
              : WalletScenario.unavailable("not part of a " + plan.mode() + " run");

      Trades trades =
          plan.fundedOffers() > 0
              ? new TradeScenario(server, pool, walletScenario.sessionsUsed(), notes)
                  .run(surface, plan)
              : TradeScenario.unavailable("not part of a " + plan.mode() + " run");

      List<LoadLevel> load = new ArrayList<>();
      if (!plan.loadLevels().isEmpty() && pool.size() > 0) {
        List<Operation> mix = LoadScenario.mix(surface, api, TradeScenario.orderBookPath(surface));
        LoadScenario scenario = new LoadScenario(server, pool, machine.cores());
        for (BenchmarkPlan.Level level : plan.loadLevels()) {
          LoadLevel l =
              scenario.run(
                  mix,
                  level.clients(),
                  level.thinkMillis(),
                  plan.warmupSeconds(),
                  plan.levelSeconds());
          System.out.printf(
              "bench: %d clients (think %d ms): %.1f calls/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f"
                  + " ms, %d errors%n",
              l.clients(),
              l.thinkMillis(),
              l.throughputPerSecond(),
              l.overall().p50Millis(),
              l.overall().p95Millis(),
              l.overall().p99Millis(),
              l.errors());
          load.add(l);
        }
      }

      RunResults.Capacity capacity =
          new CapacityReading(server, opts.get("admin-user"), System.getenv("BENCH_ADMIN_PASSWORD"))
              .capacity(sessions, wallets);

      if (sessions.unavailable() == null && pool.size() > 0) {
        int live = pool.size();
        RunResults.MemoryStep beforeLogout =
            server.measure(String.format("%,d sessions (end of run)", live), live, 0);
        ClassHistogram beforeHistogram = server.jvm().classHistogram();
        long failed = pool.logoutAll(plan.keepAliveConcurrency());
        if (failed > 0) {
          notes.add(failed + " logouts failed");
        }
        // closing sessions sets work going in the background (session-closed observers close
        // wallet handles): measure again until two readings agree
        RunResults.MemoryStep afterLogout = server.measure("0 sessions (all logged out)", 0, 0);
        int settleTries = "quick".equals(plan.mode()) ? 0 : 6;
        for (int i = 0; i < settleTries; i++) {
          pause(5_000);
          RunResults.MemoryStep again = server.measure("0 sessions (all logged out)", 0, 0);
          boolean settled =
              Math.abs(again.heapUsedBytes() - afterLogout.heapUsedBytes()) < 1024 * 1024;
          afterLogout = again;
          if (settled) {
            break;
          }
        }
        ClassHistogram afterHistogram = server.jvm().classHistogram();
        sessions =
            sessions.withLogout(
                beforeLogout,
                afterLogout,
                SessionMemoryScenario.growth(beforeHistogram, afterHistogram, live, 10));
        // the logouts closed the wallet handles: SQLite has folded the WAL into each file
        wallets = walletScenario.withClosedFiles(wallets);
      }
      // last, so that its quiet window follows all the load and every logout
      RunResults.SideBySide sideBySide =
          plan.sideBySide() == null
              ? null
              : new SideBySideScenario(server, notes, watch::stop).run(surface, plan.sideBySide());
      watch.stop();
      notes.addAll(watch.observations());

      List<ScenarioStatus> scenarios = new ArrayList<>();
      scenarios.add(status("sessions and memory", surface, SessionMemoryScenario.REQUIRED));
      scenarios.add(status("open wallets", surface, WalletScenario.REQUIRED));
      scenarios.add(status("trades and order book", surface, TradeScenario.REQUIRED));
      scenarios.add(status("admin capacity report", surface, List.of("GET /api/admin/capacity")));
      if (plan.sideBySide() != null) {
        scenarios.add(status("side by side (#17)", surface, SideBySideScenario.REQUIRED));
      }

      double duration = (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0;
      RunResults results =
          new RunResults(
              new RunResults.RunInfo(
                  LocalDate.now().toString(),
                  started.toString(),
                  duration,
                  plan.mode(),
                  opts.getOrDefault("command", "bench/run.sh"),
                  opts.getOrDefault("commit", "unknown"),
                  machine,
                  vmVersion,
                  vmFlags,
                  heapMax,
                  settings,
                  loadStart,
                  MachineInfo.loadAverage()),
              scenarios,
              sessions,
              wallets,
              load,
              trades,
              capacity,
              List.copyOf(server.profiles()),
              notes,
              sideBySide);
      Path root = Path.of(opts.getOrDefault("results", "bench/results"));
      String folder = LocalDate.now() + ("quick".equals(plan.mode()) ? "-quick" : "");
      return new RunArchive(root.resolve(folder)).add(results);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ScenarioStatus status(String name, ApiSurface surface, List<String> required) {
    List<String> missing = surface.missing(required);
    return new ScenarioStatus(name, missing.isEmpty(), missing);
  }

  /** -Xmx from jcmd's flag list (MaxHeapSize=…), or the JVM's default guess. */
  static long heapMax(String flags) {
    for (String f : flags.split("\\s+")) {
      if (f.startsWith("-XX:MaxHeapSize=")) {
        return Long.parseLong(f.substring("-XX:MaxHeapSize=".length()));
      }
    }
    return 0;
  }

  private static String require(Map<String, String> opts, String name) {
    String v = opts.get(name);
    if (v == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return v;
  }
}
