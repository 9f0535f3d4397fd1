package org.openpleb.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openpleb.bench.report.RunResults.CreationSegment;
import org.openpleb.bench.report.RunResults.Growth;
import org.openpleb.bench.report.RunResults.KeepAlive;
import org.openpleb.bench.report.RunResults.LoadLevel;
import org.openpleb.bench.report.RunResults.MemoryStep;
import org.openpleb.bench.report.RunResults.ScenarioStatus;
import org.openpleb.bench.report.RunResults.SessionMemory;
import org.openpleb.bench.report.RunResults.Trades;
import org.openpleb.bench.report.RunResults.WalletMemory;
import org.openpleb.bench.report.RunResults.WalletOpen;
import org.openpleb.bench.server.CpuProfile;
import org.openpleb.bench.server.WalletFileAnatomy;
import org.openpleb.bench.stats.EndpointLatency;
import org.openpleb.bench.stats.Percentiles;

/**
 * Writes the capacity report: a Markdown page a deployer can read top to bottom (the command, the
 * machine, the heap, the verdicts, every figure, the causes of misses, earlier runs for comparison)
 * and the SVG charts it links.
 */
public final class ReportWriter {

  /** File name of the memory chart. */
  public static final String MEMORY_CHART = "memory-vs-sessions.svg";

  /** File name of the latency chart. */
  public static final String LATENCY_CHART = "latency-vs-load.svg";

  private ReportWriter() {}

  /**
   * The report's files.
   *
   * @param markdown the text of report.md
   * @param charts SVG documents by file name
   */
  public record Report(String markdown, Map<String, String> charts) {}

  /**
   * Renders the report of {@code r}; {@code runsOfTheDay} are every run of the same results folder
   * (oldest first, {@code r} among them or not) for the reproducibility section.
   */
  public static Report render(RunResults r, List<RunResults> runsOfTheDay) {
    Map<String, String> charts = new LinkedHashMap<>();
    StringBuilder md = new StringBuilder();
    RunResults.RunInfo run = r.run();
    md.append("# OpenPleb EE capacity benchmark — ").append(run.date()).append("\n\n");
    md.append("Produced by `").append(run.command()).append("`");
    md.append(" (mode **").append(run.mode()).append("**, commit `").append(run.commit());
    md.append("`, started ").append(run.startedAt()).append(", ");
    md.append(Figures.one(run.durationSeconds() / 60)).append(" min of measuring).\n\n");
    if (!"full".equals(run.mode())) {
      md.append("> This is not a full run: ")
          .append(
              "quick".equals(run.mode())
                  ? "the CI smoke (a few seconds of load, tiny session counts); its figures say"
                      + " only that the benchmark works."
                  : "only the session-memory part ran.")
          .append("\n\n");
    }
    machine(md, r);
    md.append("## Summary: targets\n\n");
    md.append(
        "| target | measured | verdict | cause / evidence / next step |\n|---|---|---|---|\n");
    for (TargetResult t : Targets.evaluate(r)) {
      md.append("| ")
          .append(cell(t.target()))
          .append(" | ")
          .append(cell(t.measured()))
          .append(" | ")
          .append(t.verdict().label())
          .append(" | ")
          .append(cell(t.evidence()))
          .append(" |\n");
    }
    md.append("\n");
    differingVerdicts(md, runsOfTheDay);
    references(md, r);
    scenarios(md, r);
    sessions(md, r, charts);
    wallets(md, r.wallets());
    load(md, r, charts);
    trades(md, r.trades());
    capacity(md, r);
    reproducibility(md, r, runsOfTheDay);
    profiles(md, r);
    notes(md, r);
    md.append("## How to re-run\n\n```sh\n")
        .append("bench/run.sh                 # full run (about 15 minutes on 2 cores)\n")
        .append("bench/run.sh --sessions     # the session-memory part only\n")
        .append("bench/run.sh --quick        # CI smoke: seconds of load, tiny counts\n")
        .append("BENCH_HEAP=1g bench/run.sh  # another server heap\n```\n\n")
        .append("Figures live in `results.json` beside this report; each run also leaves")
        .append(" `runs/<time>.json`, which later runs of the same day list above.\n");
    return new Report(md.toString(), charts);
  }

  private static void machine(StringBuilder md, RunResults r) {
    RunResults.RunInfo run = r.run();
    md.append("## Machine and server\n\n");
    md.append("| | |\n|---|---|\n");
    md.append("| cores (nproc) | ").append(run.machine().cores()).append(" |\n");
    md.append("| memory | ").append(Figures.bytes(run.machine().memoryBytes())).append(" |\n");
    md.append("| CPU | ").append(cell(run.machine().cpuModel())).append(" |\n");
    md.append("| kernel | ").append(cell(run.machine().kernel())).append(" |\n");
    md.append("| server JVM | ").append(cell(run.serverJvm())).append(" |\n");
    md.append("| server heap (max) | ").append(Figures.bytes(run.heapMaxBytes())).append(" |\n");
    md.append("| server JVM flags | `").append(cell(run.serverJvmFlags())).append("` |\n");
    md.append("| driver JVM | ").append(cell(run.machine().driverJdk())).append(" |\n");
    md.append("| server settings | `")
        .append(cell(String.join(" ", run.serverSettings())))
        .append("` |\n");
    md.append(
            String.format(
                Locale.ROOT,
                "| load average (1 min) | %.2f before, %.2f after |%n",
                run.loadAverageStart(),
                run.loadAverageEnd()))
        .append("\n");
    if (run.loadAverageStart() > run.machine().cores()) {
      md.append("> **Shared machine:** the load average was ")
          .append(Figures.two(run.loadAverageStart()))
          .append(" on ")
          .append(run.machine().cores())
          .append(
              " cores when the run started: the one-minute average still counts what ran just"
                  + " before (another run, a build), and it may still be running. Speed figures"
                  + " (latency, throughput, logins per second) may understate this server; memory"
                  + " and CPU-time figures are per process and hold. The \"other cores\" column in"
                  + " section 3 shows how much anything else took while the load ran.\n\n");
    }
    md.append(
        "The server, the dev mint, PostgreSQL and this load driver share the machine's cores;"
            + " the CPU columns below say who used what. Session and wallet limits and the"
            + " capacity thresholds are raised (settings above) so the benchmark measures"
            + " footprint and speed, not the capacity monitor's relief actions. The heap is"
            + " fixed and pre-touched (`-Xms` = `-Xmx`, `AlwaysPreTouch`), so resident-memory"
            + " growth is memory outside the heap.\n\n");
  }

  /** Targets whose verdict differs between the day's full runs: the figure sits in the noise. */
  private static void differingVerdicts(StringBuilder md, List<RunResults> runs) {
    List<RunResults> full = runs.stream().filter(x -> "full".equals(x.run().mode())).toList();
    if (full.size() < 2) {
      return;
    }
    List<List<TargetResult>> verdicts = full.stream().map(Targets::evaluate).toList();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < verdicts.get(0).size(); i++) {
      int index = i;
      long kinds = verdicts.stream().map(v -> v.get(index).verdict()).distinct().count();
      if (kinds > 1) {
        StringBuilder line = new StringBuilder("- ").append(verdicts.get(0).get(i).target());
        line.append(": ");
        for (int k = 0; k < full.size(); k++) {
          TargetResult t = verdicts.get(k).get(i);
          line.append(k == 0 ? "" : "; ")
              .append(full.get(k).run().startedAt().substring(11, 19))
              .append(" ")
              .append(t.verdict().label())
              .append(" (")
              .append(t.measured())
              .append(")");
        }
        lines.add(line.toString());
      }
    }
    if (!lines.isEmpty()) {
      md.append(
          "**Verdicts that differ between today's full runs**: these figures sit within the"
              + " run-to-run noise of their target, so read them as a range and the verdict above"
              + " as that of one run:\n\n");
      lines.forEach(l -> md.append(l).append("\n"));
      md.append("\n");
    }
  }

  private static void references(StringBuilder md, RunResults r) {
    md.append("## Reference points\n\n");
    md.append("| reference | its figure | this build |\n|---|---|---|\n");
    WalletMemory w = r.wallets();
    boolean wallets = w != null && w.unavailable() == null;
    SessionMemory s = r.sessions();
    boolean sessions = s != null && s.unavailable() == null && s.steps().size() > 1;
    Trades t = r.trades();
    boolean trades = t != null && t.unavailable() == null;
    ref(
        md,
        "coco (TypeScript) wallet, resident memory per open wallet",
        "≈ 454 KiB (≈ 204 KiB of it SQLite)",
        wallets ? Figures.bytes(w.residentPerWalletBytes()) : notMeasured(w));
    ref(md, "coco wallet file", "400–500 KiB", wallets ? walletFile(w) : notMeasured(w));
    ref(
        md,
        "capacity analysis, memory per session",
        "3–8 MB",
        sessions
            ? Figures.plusMinus(s.heapPerSessionBytes(), s.heapMarginBytes())
                + " heap and "
                + Figures.plusMinus(s.rssPerSessionBytes(), s.rssMarginBytes())
                + " resident per session; "
                + Figures.bytes(s.planningBytesPerSession() + perWalletShare(r))
                + " with a third of an open wallet each (the analysis' 200 wallets per 600"
                + " sessions)"
            : "not measured");
    ref(
        md,
        "capacity analysis, per wallet file",
        "≈ 100 KB",
        wallets ? walletFile(w) : notMeasured(w));
    RunResults.Capacity c = r.capacity();
    ref(
        md,
        "capacity analysis, sessions on 4 GB",
        "500–600 (p95 < 100 ms)",
        c != null && c.fixedCacheModel() != null && !c.fixedCacheModel().isEmpty()
            ? Figures.count(c.fixedCacheModel().get(0).sessionsSupported())
                + " (fixed 200-wallet cache), "
                + Figures.count(c.serverModel().get(0).sessionsSupported())
                + " (server model)"
            : "not computed");
    ref(
        md,
        "original backend (bun), server CPU per Lightning-funded offer",
        "11–15 ms",
        trades && t.fundedOffers() > 0
            ? Figures.ms(t.serverCpuMillisPerFundedOffer())
                + " (+ dev mint "
                + Figures.ms(t.mintCpuMillisPerFundedOffer())
                + ", + PostgreSQL "
                + Figures.ms(t.databaseCpuMillisPerFundedOffer())
                + ")"
            : notMeasuredTrades(t));
    ref(
        md,
        "original backend, create → invoice → paid at one client, p50",
        "44–48 ms (the client polls)",
        trades && t.fundingSequence() != null && t.fundingSequence().count() > 0
            ? Figures.ms(t.fundingSequence().p50Millis())
                + " (a server-side watcher credits the payment; see section 4)"
            : notMeasuredTrades(t));
    ref(
        md,
        "original backend, order book bytes per offer",
        "≈ 720 B",
        trades && t.orderBookOffers() > 0
            ? Figures.bytes(t.orderBookBytes() / (double) t.orderBookOffers())
            : notMeasuredTrades(t));
    ref(
        md,
        "original backend, server CPU per order-book read at 1,500 offers",
        "≈ 12 ms (it returns every offer)",
        trades && t.orderBookOffers() > 0
            ? Figures.ms(t.serverCpuMillisPerOrderBookRead())
                + " for all "
                + Figures.count(t.orderBookOffers())
                + " offers page by page; "
                + Figures.ms(t.serverCpuMillisPerPageRead())
                + " per page of 100"
            : notMeasuredTrades(t));
    md.append("\n");
  }

  private static String walletFile(WalletMemory w) {
    if (w.files() > 0) {
      return Figures.bytes(w.fileBytesClosed())
          + " closed ("
          + Figures.one(w.proofsPerWallet())
          + " proofs); "
          + Figures.bytes(w.fileBytesWhileOpen())
          + " while open";
    }
    return Figures.bytes(w.fileBytesWhileOpen()) + " while open (closed size not measured)";
  }

  private static double perWalletShare(RunResults r) {
    WalletMemory w = r.wallets();
    if (w == null || w.unavailable() != null) {
      return 0;
    }
    return w.residentPerWalletBytes() / 3;
  }

  private static String notMeasured(WalletMemory w) {
    return w == null || w.unavailable() == null ? "not measured" : "not available in this build";
  }

  private static String notMeasuredTrades(Trades t) {
    return t == null || t.unavailable() == null ? "not measured" : "not available in this build";
  }

  private static void ref(StringBuilder md, String what, String theirs, String ours) {
    md.append("| ").append(cell(what)).append(" | ").append(cell(theirs)).append(" | ");
    md.append(cell(ours)).append(" |\n");
  }

  private static void scenarios(StringBuilder md, RunResults r) {
    md.append("## Scenarios in this build\n\n");
    md.append("| scenario | ran | endpoints this build lacks |\n|---|---|---|\n");
    for (ScenarioStatus s : r.scenarios()) {
      md.append("| ")
          .append(s.scenario())
          .append(" | ")
          .append(s.available() ? "yes" : "**not available in this build**")
          .append(" | ")
          .append(s.missing().isEmpty() ? "—" : cell(String.join(", ", s.missing())))
          .append(" |\n");
    }
    md.append("\n");
  }

  private static void sessions(StringBuilder md, RunResults r, Map<String, String> charts) {
    md.append("## 1. Memory against live sessions\n\n");
    SessionMemory s = r.sessions();
    if (s == null || s.unavailable() != null) {
      md.append("Not available in this build: ")
          .append(s == null ? "did not run" : s.unavailable())
          .append("\n\n");
      return;
    }
    md.append(
            "| live sessions | heap after full GC | heap committed | metaspace | RSS | RSS anon |")
        .append(" JVM classes + compiled code | server CPU so far |\n")
        .append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (MemoryStep step : s.steps()) {
      stepRow(md, step);
    }
    if (s.beforeLogout() != null) {
      stepRow(md, s.beforeLogout());
    }
    if (s.afterLogout() != null) {
      stepRow(md, s.afterLogout());
    }
    md.append("\n");
    md.append("- **Heap per live session** (least-squares slope, 95 % interval): **")
        .append(Figures.plusMinus(s.heapPerSessionBytes(), s.heapMarginBytes()))
        .append("** (R² ")
        .append(Figures.two(s.heapFitR2()))
        .append(
            "). Heap after full GC moves by about a MiB between readings for reasons of its own,"
                + " so over 20,000 sessions the resolution is some tens of bytes per session; a"
                + " slope inside its interval of zero means a session keeps nothing measurable"
                + " on the heap (sessions live in PostgreSQL).\n");
    md.append(
            "- Resident memory per live session (slope of RSS less the JVM's classes and compiled"
                + " code, which grow with warm-up, not with sessions): ")
        .append(Figures.plusMinus(s.rssPerSessionBytes(), s.rssMarginBytes()))
        .append(" (R² ")
        .append(Figures.two(s.rssFitR2()))
        .append(")\n");
    if (s.afterLogout() != null && s.beforeLogout() != null) {
      long change = s.afterLogout().heapUsedBytes() - s.beforeLogout().heapUsedBytes();
      long n = s.beforeLogout().liveSessions();
      md.append("- Leak check: logging the ")
          .append(Figures.count(n))
          .append(" sessions out at the end of the run ")
          .append(change <= 0 ? "freed " : "**added** ")
          .append(Figures.bytes(Math.abs(change)))
          .append(" of heap after full GC (")
          .append(Figures.bytes(n > 0 ? Math.abs(change) / (double) n : 0))
          .append(" per session). ");
      if (change > 0 && !s.logoutGrowth().isEmpty()) {
        md.append("What grew across the logout, per session logged out: ")
            .append(Targets.growthText(s.logoutGrowth(), 6))
            .append(
                ". `jcmd GC.run` does not clear soft references, so objects a cache holds"
                    + " softly stay until memory runs short; a class list of cache entries"
                    + " points there rather than at a leak.");
      }
      md.append("\n");
    }
    md.append("- Logins refused: ").append(s.refusedLogins()).append("\n\n");
    if (s.steps().size() > 1) {
      double[] xs = s.steps().stream().mapToDouble(MemoryStep::liveSessions).toArray();
      double[] heap =
          s.steps().stream().mapToDouble(m -> m.heapUsedBytes() / (1024.0 * 1024)).toArray();
      double[] rss = s.steps().stream().mapToDouble(m -> m.rssBytes() / (1024.0 * 1024)).toArray();
      charts.put(
          MEMORY_CHART,
          new LineChart(
                  "Server memory against live sessions (-Xmx " + mib(r.run().heapMaxBytes()) + ")",
                  "live sessions",
                  "MiB",
                  List.of(
                      new LineChart.Series("heap after full GC", xs, heap),
                      new LineChart.Series("resident (RSS)", xs, rss)),
                  false)
              .toSvg());
      md.append("![memory against live sessions](").append(MEMORY_CHART).append(")\n\n");
    }
    md.append("### Session creation rate\n\n");
    md.append(
        "| sessions | logins/s | in flight | server CPU per login | challenge p50 / p95 / p99 |"
            + " login p50 / p95 / p99 | refused |\n|---|---:|---:|---:|---|---|---:|\n");
    for (CreationSegment c : s.creation()) {
      md.append("| ")
          .append(Figures.count(c.fromSessions()))
          .append(" → ")
          .append(Figures.count(c.toSessions()))
          .append(" | ")
          .append(Figures.one(c.perSecond()))
          .append(" | ")
          .append(c.concurrency())
          .append(" | ")
          .append(Figures.ms(c.serverCpuMillisPerLogin()))
          .append(" | ")
          .append(triple(c.challenge()))
          .append(" | ")
          .append(triple(c.login()))
          .append(" | ")
          .append(c.refused())
          .append(" |\n");
    }
    md.append("\nOverall: **")
        .append(Figures.one(s.overallCreationRate()))
        .append(" sessions/s** (each login is a challenge and a signed login; the driver signs")
        .append(" with BIP-340 on the same cores).\n\n");
    if (!s.keepAlive().isEmpty()) {
      md.append("### Keep-alive pass (every live session reads itself once)\n\n");
      md.append(
              "| live sessions | GET /api/sessions/current p50 / p95 / p99 | calls/s | failed |\n")
          .append("|---:|---|---:|---:|\n");
      for (KeepAlive k : s.keepAlive()) {
        md.append("| ")
            .append(Figures.count(k.liveSessions()))
            .append(" | ")
            .append(triple(k.latency()))
            .append(" | ")
            .append(Figures.one(k.perSecond()))
            .append(" | ")
            .append(k.failed())
            .append(" |\n");
      }
      md.append("\n");
    }
    md.append("### Heap histogram: what one session keeps\n\n");
    growthTable(md, s.growth(), "session");
  }

  private static void stepRow(StringBuilder md, MemoryStep step) {
    md.append("| ")
        .append(cell(step.label()))
        .append(" | ")
        .append(Figures.bytes(step.heapUsedBytes()))
        .append(" | ")
        .append(Figures.bytes(step.heapCommittedBytes()))
        .append(" | ")
        .append(Figures.bytes(step.metaspaceBytes()))
        .append(" | ")
        .append(Figures.bytes(step.rssBytes()))
        .append(" | ")
        .append(Figures.bytes(step.rssAnonBytes()))
        .append(" | ")
        .append(Figures.bytes(step.jvmCodeAndClassesBytes()))
        .append(" | ")
        .append(Figures.one(step.serverCpuSeconds()))
        .append(" s |\n");
  }

  private static void growthTable(StringBuilder md, List<Growth> growth, String unit) {
    if (growth == null || growth.isEmpty()) {
      md.append("No class histogram was taken.\n\n");
      return;
    }
    md.append(
        "Growth of `jcmd GC.class_histogram` between the first and the last step, divided by the"
            + " "
            + unit
            + "s added (shallow sizes; the largest first):\n\n");
    md.append("| class | bytes per ")
        .append(unit)
        .append(" | objects per ")
        .append(unit)
        .append(" |\n|---|---:|---:|\n");
    for (Growth g : growth) {
      md.append("| `")
          .append(cell(g.className()))
          .append("` | ")
          .append(Figures.bytes(g.bytesPerUnit()))
          .append(" | ")
          .append(Figures.two(g.instancesPerUnit()))
          .append(" |\n");
    }
    md.append("\n");
  }

  private static void wallets(StringBuilder md, WalletMemory w) {
    md.append("## 2. Open wallets\n\n");
    if (w == null || w.unavailable() != null) {
      md.append("**Not available in this build:** ")
          .append(w == null ? "did not run" : w.unavailable())
          .append(
              ". Per-wallet memory, wallet files and wallet open latency are therefore not"
                  + " measured; the capacity tables use the server's configured wallet footprint"
                  + " instead.\n\n");
      return;
    }
    md.append(
        "| | live sessions | open wallets | heap after GC | RSS |\n|---|---:|---:|---:|---:|\n");
    for (MemoryStep m : List.of(w.before(), w.after())) {
      md.append("| ")
          .append(cell(m.label()))
          .append(" | ")
          .append(Figures.count(m.liveSessions()))
          .append(" | ")
          .append(m.openWallets())
          .append(" | ")
          .append(Figures.bytes(m.heapUsedBytes()))
          .append(" | ")
          .append(Figures.bytes(m.rssBytes()))
          .append(" |\n");
    }
    md.append("\n- Wallets funded (each opened by its Lightning deposit): ")
        .append(w.walletsOpened())
        .append("; open handles the server reports: ")
        .append(w.openHandles())
        .append(", ")
        .append(w.handlesAdded())
        .append(" more than at the first reading\n- **Per open wallet: ")
        .append(Figures.bytes(w.residentPerWalletBytes()))
        .append(" resident** = ")
        .append(Figures.bytes(w.heapPerWalletBytes()))
        .append(" heap + ")
        .append(Figures.bytes(w.nativePerWalletBytes()))
        .append(
            " outside the heap (resident growth less the JVM's classes and compiled code; the heap"
                + " is pre-touched)\n- Wallet files (")
        .append(Figures.one(w.proofsPerWallet()))
        .append(" proofs each): ")
        .append(walletFile(w))
        .append(w.files() > 0 ? " (closed: mean of " + w.files() + ", largest " : "")
        .append(w.files() > 0 ? Figures.bytes(w.fileBytesClosedMax()) + ")" : "")
        .append("\n");
    if (w.deposit() != null && w.deposit().count() > 0) {
      md.append("- Lightning deposit, request to credited balance: ")
          .append(triple(w.deposit()))
          .append(" (p50 / p95 / p99; includes the watcher's poll interval)\n");
    }
    WalletFileAnatomy a = w.anatomy();
    if (a != null && a.files() > 0) {
      md.append("\n### What a closed wallet file holds\n\n")
          .append(
              String.format(
                  Locale.ROOT,
                  "%d files read (SQLite's dbstat over a copy): %.1f pages of %d bytes each, %.1f"
                      + " of them free; %d tables and indexes.%n%n",
                  a.files(),
                  a.meanPages(),
                  a.pageSize(),
                  a.meanFreePages(),
                  a.btrees()))
          .append("| table or index | pages (mean) |\n|---|---:|\n");
      for (WalletFileAnatomy.BtreePages b : a.pagesByBtree()) {
        md.append("| `").append(cell(b.name())).append("` | ");
        md.append(Figures.one(b.meanPages())).append(" |\n");
      }
    }
    md.append("\n### Wallet open latency\n\n");
    md.append(
        "| kind | source | samples | p50 | p95 | p99 | max |\n|---|---|---:|---:|---:|---:|---:|\n");
    for (WalletOpen o : w.opens()) {
      md.append("| ")
          .append(o.kind())
          .append(" | ")
          .append(cell(o.source()))
          .append(" | ")
          .append(o.count())
          .append(" | ")
          .append(Figures.ms(o.latency().p50Millis()))
          .append(" | ")
          .append(Figures.ms(o.latency().p95Millis()))
          .append(" | ")
          .append(Figures.ms(o.latency().p99Millis()))
          .append(" | ")
          .append(Figures.ms(o.latency().maxMillis()))
          .append(" |\n");
    }
    if (w.serverCpuMillisPerColdUse() > 0 || w.serverCpuMillisPerWarmUse() > 0) {
      md.append("\nServer CPU per token withdrawal: ")
          .append(Figures.ms(w.serverCpuMillisPerColdUse()))
          .append(" when it reopened the wallet, ")
          .append(Figures.ms(w.serverCpuMillisPerWarmUse()))
          .append(
              " on the open handle (process CPU time over each pass of one client, 10 ms ticks:"
                  + " every thread of the server, so garbage collection, the JIT compiler and"
                  + " timers running meanwhile are in it; an upper bound, not the request's own"
                  + " cost).\n");
    }
    md.append("\n### Heap histogram: what one open wallet keeps\n\n");
    growthTable(md, w.growth(), "wallet");
  }

  private static void load(StringBuilder md, RunResults r, Map<String, String> charts) {
    md.append("## 3. Latency and throughput against load\n\n");
    List<LoadLevel> levels = r.load();
    if (levels == null || levels.isEmpty()) {
      md.append("Not measured in this run.\n\n");
      return;
    }
    md.append(
        "\"Other cores\" is whatever else ran on the machine (a shared build machine: see the"
            + " load average above).\n\n");
    md.append(
        "Each client holds its own live session and calls the mix below back to back (closed"
            + " loop, no think time) unless a think time is given; the paced level models users"
            + " who pause between clicks. Latency is measured by the driver from sending the"
            + " request to reading the whole answer.\n\n");
    md.append(
        "| clients | think | live sessions | calls/s | p50 | p95 | p99 | max | errors |"
            + " server cores | PostgreSQL cores | driver cores | dev mint cores | other cores |"
            + " machine busy cores |\n");
    md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (LoadLevel l : levels) {
      md.append("| ")
          .append(l.clients())
          .append(" | ")
          .append(l.thinkMillis() == 0 ? "none" : l.thinkMillis() + " ms")
          .append(" | ")
          .append(Figures.count(l.liveSessions()))
          .append(" | ")
          .append(Figures.one(l.throughputPerSecond()))
          .append(" | ")
          .append(Figures.ms(l.overall().p50Millis()))
          .append(" | ")
          .append(Figures.ms(l.overall().p95Millis()))
          .append(" | ")
          .append(Figures.ms(l.overall().p99Millis()))
          .append(" | ")
          .append(Figures.ms(l.overall().maxMillis()))
          .append(" | ")
          .append(l.errors())
          .append(" | ")
          .append(Figures.two(l.serverCores()))
          .append(" | ")
          .append(Figures.two(l.databaseCores()))
          .append(" | ")
          .append(Figures.two(l.driverCores()))
          .append(" | ")
          .append(Figures.two(l.mintCores()))
          .append(" | ")
          .append(Figures.two(otherCores(l)))
          .append(" | ")
          .append(Figures.two(l.machineBusyCores()))
          .append(" |\n");
    }
    md.append("\n");
    List<LoadLevel> closed = levels.stream().filter(l -> l.thinkMillis() == 0).toList();
    if (closed.size() > 1) {
      double[] xs = closed.stream().mapToDouble(LoadLevel::clients).toArray();
      charts.put(
          LATENCY_CHART,
          new LineChart(
                  "Latency against concurrent clients (closed loop, all endpoints)",
                  "concurrent clients",
                  "milliseconds",
                  List.of(
                      new LineChart.Series(
                          "p50",
                          xs,
                          closed.stream().mapToDouble(l -> l.overall().p50Millis()).toArray()),
                      new LineChart.Series(
                          "p95",
                          xs,
                          closed.stream().mapToDouble(l -> l.overall().p95Millis()).toArray()),
                      new LineChart.Series(
                          "p99",
                          xs,
                          closed.stream().mapToDouble(l -> l.overall().p99Millis()).toArray()),
                      new LineChart.Series(
                          "target p95 (50 ms)",
                          xs,
                          closed.stream().mapToDouble(l -> Targets.P95_MILLIS).toArray())),
                  true)
              .toSvg());
      md.append("![latency against load](").append(LATENCY_CHART).append(")\n\n");
    }
    md.append("### Per endpoint\n\n");
    for (LoadLevel l : levels) {
      md.append("**")
          .append(l.clients())
          .append(" clients")
          .append(l.thinkMillis() == 0 ? "" : ", think " + l.thinkMillis() + " ms")
          .append("** (")
          .append(Figures.one(l.seconds()))
          .append(" s)\n\n");
      endpointTable(md, l.endpoints());
    }
  }

  /** Busy cores not used by the server, the driver or the dev mint: PostgreSQL and the rest. */
  static double otherCores(LoadLevel l) {
    return Math.max(
        0,
        l.machineBusyCores()
            - l.serverCores()
            - l.databaseCores()
            - l.driverCores()
            - l.mintCores());
  }

  private static void endpointTable(StringBuilder md, List<EndpointLatency> endpoints) {
    md.append("| endpoint | calls | calls/s | p50 | p95 | p99 | max | errors |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (EndpointLatency e : endpoints) {
      md.append("| `")
          .append(cell(e.endpoint()))
          .append("` | ")
          .append(Figures.count(e.calls()))
          .append(" | ")
          .append(Figures.one(e.throughputPerSecond()))
          .append(" | ")
          .append(Figures.ms(e.latency().p50Millis()))
          .append(" | ")
          .append(Figures.ms(e.latency().p95Millis()))
          .append(" | ")
          .append(Figures.ms(e.latency().p99Millis()))
          .append(" | ")
          .append(Figures.ms(e.latency().maxMillis()))
          .append(" | ")
          .append(e.errors())
          .append(" |\n");
    }
    md.append("\n");
  }

  private static void trades(StringBuilder md, Trades t) {
    md.append("## 4. Trades\n\n");
    if (t == null || t.unavailable() != null) {
      md.append("**Not available in this build:** ")
          .append(t == null ? "did not run" : t.unavailable())
          .append(
              ". Server CPU per funded offer, the funding sequence, the order-book read and"
                  + " whole trades (fund, claim, receipt, approve) are therefore not measured.\n\n");
      return;
    }
    md.append("| figure | value |\n|---|---|\n");
    md.append("| offers funded by Lightning | ")
        .append(t.fundedOffers())
        .append(" in ")
        .append(Figures.one(t.fundingSeconds()))
        .append(" s |\n");
    md.append("| server CPU per funded offer | ")
        .append(Figures.ms(t.serverCpuMillisPerFundedOffer()))
        .append(" |\n");
    md.append("| dev mint CPU per funded offer | ")
        .append(Figures.ms(t.mintCpuMillisPerFundedOffer()))
        .append(" |\n");
    md.append("| PostgreSQL CPU per funded offer | ")
        .append(Figures.ms(t.databaseCpuMillisPerFundedOffer()))
        .append(" |\n");
    if (t.fundingSequence() != null && t.fundingSequence().count() > 0) {
      md.append("| create → funded at one client (p50 / p95 / p99) | ")
          .append(triple(t.fundingSequence()))
          .append(" |\n");
    }
    if (t.orderBookOffers() > 0) {
      md.append("| order book | ")
          .append(Figures.count(t.orderBookOffers()))
          .append(" offers, ")
          .append(Figures.bytes(t.orderBookBytes()))
          .append(" (")
          .append(Figures.bytes(t.orderBookBytes() / (double) t.orderBookOffers()))
          .append(" per offer) |\n");
      md.append("| one page of 100 offers at one client (p50 / p95 / p99) | ")
          .append(triple(t.orderBookRead()))
          .append(" |\n");
      md.append("| server CPU per page of 100 offers | ")
          .append(Figures.ms(t.serverCpuMillisPerPageRead()))
          .append(" |\n");
      md.append("| server CPU per read of the whole book (page by page) | ")
          .append(Figures.ms(t.serverCpuMillisPerOrderBookRead()))
          .append(" |\n");
    }
    if (t.traders() > 0) {
      md.append("| whole trades (fund, claim, receipt, approve) | ")
          .append(t.tradesCompleted())
          .append(" completed, ")
          .append(t.tradesFailed())
          .append(" failed, ")
          .append(t.traders())
          .append(" concurrent traders, ")
          .append(Figures.one(t.tradeSeconds()))
          .append(" s |\n");
      md.append("| server CPU per completed trade | ")
          .append(Figures.ms(t.serverCpuMillisPerTrade()))
          .append(" |\n");
    }
    md.append("\n");
    if (t.note() != null) {
      md.append(t.note()).append("\n\n");
    }
    if (t.tradeSteps() != null && !t.tradeSteps().isEmpty()) {
      md.append("Trade calls:\n\n");
      endpointTable(md, t.tradeSteps());
    }
  }

  private static void capacity(StringBuilder md, RunResults r) {
    md.append("## 5. Capacity tables recomputed from the measured footprint\n\n");
    RunResults.Capacity c = r.capacity();
    if (c == null || c.inputs() == null) {
      md.append("Not computed in this run.\n\n");
      return;
    }
    CapacityModel.Inputs in = c.inputs();
    md.append("Inputs: memory per session ")
        .append(Figures.bytes(in.perSessionBytes()))
        .append(" (the larger of the heap and the resident slopes)")
        .append(", per open wallet ")
        .append(Figures.bytes(in.perWalletHeapBytes()))
        .append(" heap / ")
        .append(Figures.bytes(in.perWalletResidentBytes()))
        .append(" resident")
        .append(
            in.walletFiguresMeasured() ? "" : " (**assumed**: the server's default, not measured)")
        .append(", baseline heap ")
        .append(Figures.bytes(in.baselineHeapBytes()))
        .append(", memory outside the heap ")
        .append(Figures.bytes(in.nonHeapResidentBytes()))
        .append("; heap = ")
        .append(Figures.percent(in.heapShare()))
        .append(" of the machine, planned up to the ")
        .append(Figures.percent(in.memoryWarning()))
        .append(" warning ratio.\n\n");
    md.append(
        "**Fixed wallet cache** (the design as built: sessions cost heap, the profile's wallet"
            + " cache is charged once):\n\n");
    capacityTable(md, c.fixedCacheModel());
    md.append(
        "**Server model** (what `GET /api/admin/capacity` computes once `FOOTPRINT_*` are set to"
            + " these figures: open wallets grow with sessions, 200 per 600, each charged its"
            + " resident cost):\n\n");
    capacityTable(md, c.serverModel());
    SessionMemory s = r.sessions();
    if (s != null && !s.creation().isEmpty()) {
      double cpuPerLogin = s.creation().get(s.creation().size() - 1).serverCpuMillisPerLogin();
      int cores = r.run().machine().cores();
      md.append("Memory is no longer what bounds sessions. ")
          .append("A login cost ")
          .append(Figures.ms(cpuPerLogin))
          .append(" of server CPU in the last stretch, so ")
          .append(cores)
          .append(" cores create at most about ")
          .append(Figures.count(cpuPerLogin > 0 ? Math.round(cores * 1000 / cpuPerLogin) : 0))
          .append(
              " sessions per second; with sessions living SESSION_EXPIRY (3,600 s), a steady"
                  + " population of N sessions needs N ÷ 3,600 logins per second. Set"
                  + " SESSION_LIMIT from the table, then check the database and the request"
                  + " load those users bring (section 3). The shipped profiles"
                  + " (`config/profiles/*.env`) stay at the 20,000 live sessions this benchmark"
                  + " runs, scaled with the machine.\n\n");
    }
    md.append("To make the server's own estimate use these figures, set `FOOTPRINT_SESSION_BYTES=")
        .append(Math.round(Math.ceil(in.perSessionBytes())))
        .append("`, `FOOTPRINT_WALLET_BYTES=")
        .append(Math.round(Math.ceil(in.perWalletResidentBytes())))
        .append("`, `FOOTPRINT_BASELINE_HEAP_BYTES=")
        .append(in.baselineHeapBytes())
        .append("`.\n\n");
    if (c.unavailable() != null) {
      md.append("The server's own report could not be read: ")
          .append(c.unavailable())
          .append("\n\n");
    } else if (c.serverEstimate() != null && !c.serverEstimate().isEmpty()) {
      md.append(
          "The server's own estimate during this run (`GET /api/admin/capacity`, with its"
              + " configured footprint figures, not these measurements):\n\n");
      md.append("| server | heap | sessions supported | wallets open |\n|---|---:|---:|---:|\n");
      for (CapacityModel.Row row : c.serverEstimate()) {
        md.append("| ")
            .append(row.server())
            .append(" | ")
            .append(Figures.bytes(row.heapBytes()))
            .append(" | ")
            .append(Figures.count(row.sessionsSupported()))
            .append(" | ")
            .append(Figures.count(row.walletsOpen()))
            .append(" |\n");
      }
      md.append("\n");
    }
  }

  private static void capacityTable(StringBuilder md, List<CapacityModel.Row> rows) {
    md.append(
        "| server | heap | sessions memory allows | open wallets | SESSION_LIMIT memory allows |"
            + " analysis | × analysis | expected RSS | RSS below 70 % of machine |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (CapacityModel.Row row : rows) {
      md.append("| ")
          .append(row.server())
          .append(" | ")
          .append(Figures.bytes(row.heapBytes()))
          .append(" | ")
          .append(Figures.count(row.sessionsSupported()))
          .append(" | ")
          .append(Figures.count(row.walletsOpen()))
          .append(" | ")
          .append(Figures.count(row.recommendedSessionLimit()))
          .append(" | ")
          .append(Figures.count(row.analysisSessions()))
          .append(" | ")
          .append(Figures.one(row.timesAnalysis()))
          .append(" | ")
          .append(Figures.bytes(row.expectedRssBytes()))
          .append(" | ")
          .append(row.residentFits() ? "yes" : "no")
          .append(" |\n");
    }
    md.append("\n");
  }

  private static void reproducibility(StringBuilder md, RunResults r, List<RunResults> runs) {
    md.append("## 6. Reproducibility\n\n");
    List<RunResults> all = new ArrayList<>(runs);
    if (all.stream().noneMatch(x -> x.run().startedAt().equals(r.run().startedAt()))) {
      all.add(r);
    }
    if (all.size() < 2) {
      md.append(
          "This is the only run of the day; run `bench/run.sh --sessions` again to add a"
              + " second set of figures here.\n\n");
      return;
    }
    md.append(
        "Every run of this day on this machine, oldest first; the report above shows the run"
            + " marked ◀. A `sessions` run repeats only the session-memory part. Spread = (largest"
            + " − smallest) ÷ mean, for figures measured in more than one run.\n\n");
    md.append("| figure |");
    StringBuilder rule = new StringBuilder("|---|");
    for (RunResults run : all) {
      md.append(" ")
          .append(run.run().startedAt().substring(11, 19))
          .append(" ")
          .append(run.run().mode())
          .append(run.run().startedAt().equals(r.run().startedAt()) ? " ◀" : "")
          .append(" |");
      rule.append("---:|");
    }
    md.append(" spread |\n").append(rule).append("---:|\n");
    reproRow(md, all, "load average at start", x -> x.run().loadAverageStart(), Figures::two);
    reproRow(
        md,
        all,
        "heap per session (slope)",
        x -> sessionsOf(x) == null ? Double.NaN : sessionsOf(x).heapPerSessionBytes(),
        v -> Figures.bytes(v),
        false);
    reproRow(
        md,
        all,
        "heap per session, 95 % margin",
        x -> sessionsOf(x) == null ? Double.NaN : sessionsOf(x).heapMarginBytes(),
        v -> Figures.bytes(v),
        false);
    reproRow(
        md,
        all,
        "resident per session (slope)",
        x -> sessionsOf(x) == null ? Double.NaN : sessionsOf(x).rssPerSessionBytes(),
        Figures::bytes);
    reproRow(
        md,
        all,
        "heap after GC, 0 sessions",
        x -> sessionsOf(x) == null ? Double.NaN : sessionsOf(x).steps().get(0).heapUsedBytes(),
        Figures::bytes);
    reproRow(
        md,
        all,
        "heap after GC, top step",
        x -> sessionsOf(x) == null ? Double.NaN : sessionsOf(x).top().heapUsedBytes(),
        Figures::bytes);
    reproRow(
        md,
        all,
        "RSS, top step",
        x -> sessionsOf(x) == null ? Double.NaN : sessionsOf(x).top().rssBytes(),
        Figures::bytes);
    reproRow(
        md,
        all,
        "sessions per second",
        x -> sessionsOf(x) == null ? Double.NaN : sessionsOf(x).overallCreationRate(),
        Figures::one);
    reproRow(
        md,
        all,
        "resident per open wallet",
        x -> walletsOf(x) == null ? Double.NaN : walletsOf(x).residentPerWalletBytes(),
        Figures::bytes);
    reproRow(
        md,
        all,
        "closed wallet file",
        x ->
            walletsOf(x) == null || walletsOf(x).files() == 0
                ? Double.NaN
                : walletsOf(x).fileBytesClosed(),
        Figures::bytes);
    reproRow(
        md, all, "cold wallet reopen p95 (server)", x -> coldOpenP95(walletsOf(x)), Figures::ms);
    reproRow(md, all, "p95, 10 clients", x -> p95(x, 10, 0), Figures::ms);
    reproRow(md, all, "p95, 200 clients", x -> p95(x, 200, 0), Figures::ms);
    reproRow(md, all, "calls per second, 200 clients", x -> throughput(x, 200, 0), Figures::one);
    reproRow(md, all, "p95, 200 paced users", x -> p95(x, 200, 1000), Figures::ms);
    reproRow(
        md,
        all,
        "server CPU per funded offer",
        x -> tradesOf(x) == null ? Double.NaN : tradesOf(x).serverCpuMillisPerFundedOffer(),
        Figures::ms);
    reproRow(
        md,
        all,
        "server CPU per whole trade",
        x -> tradesOf(x) == null ? Double.NaN : tradesOf(x).serverCpuMillisPerTrade(),
        Figures::ms);
    md.append("\n");
    List<String> wide = new ArrayList<>();
    spreadOver(
        wide,
        all,
        "resident per session",
        x -> sessionsOf(x) == null ? Double.NaN : sessionsOf(x).rssPerSessionBytes());
    spreadOver(
        wide,
        all,
        "heap after GC at 0 sessions",
        x -> sessionsOf(x) == null ? Double.NaN : sessionsOf(x).steps().get(0).heapUsedBytes());
    spreadOver(
        wide,
        all,
        "resident per open wallet",
        x -> walletsOf(x) == null ? Double.NaN : walletsOf(x).residentPerWalletBytes());
    spreadOver(
        wide,
        all,
        "closed wallet file",
        x -> walletsOf(x) == null ? Double.NaN : walletsOf(x).fileBytesClosed());
    md.append(
            wide.isEmpty()
                ? "The memory figures repeat within 15 %."
                : "Memory figures that moved more than 15 % between runs: "
                    + String.join(", ", wide)
                    + "; read them as a range, not a point.")
        .append(
            " The heap per session is compared by its interval, not its spread: zero inside the"
                + " margin means nothing measurable per session. Speed and CPU figures follow the"
                + " machine's load (first row): on a shared build machine they vary with what"
                + " else runs.\n\n");
  }

  private static void spreadOver(
      List<String> wide,
      List<RunResults> runs,
      String label,
      java.util.function.ToDoubleFunction<RunResults> figure) {
    double[] v = runs.stream().mapToDouble(figure).filter(x -> !Double.isNaN(x) && x > 0).toArray();
    if (v.length < 2) {
      return;
    }
    double min = java.util.Arrays.stream(v).min().orElse(0);
    double max = java.util.Arrays.stream(v).max().orElse(0);
    double mean = java.util.Arrays.stream(v).average().orElse(0);
    if (mean > 0 && (max - min) / mean > 0.15) {
      wide.add(label + " (" + Figures.bytes(min) + " to " + Figures.bytes(max) + ")");
    }
  }

  private static void reproRow(
      StringBuilder md,
      List<RunResults> runs,
      String label,
      java.util.function.ToDoubleFunction<RunResults> figure,
      java.util.function.DoubleFunction<String> format) {
    reproRow(md, runs, label, figure, format, true);
  }

  private static void reproRow(
      StringBuilder md,
      List<RunResults> runs,
      String label,
      java.util.function.ToDoubleFunction<RunResults> figure,
      java.util.function.DoubleFunction<String> format,
      boolean spread) {
    md.append("| ").append(label).append(" |");
    List<Double> values = new ArrayList<>();
    for (RunResults run : runs) {
      double v = figure.applyAsDouble(run);
      md.append(" ").append(Double.isNaN(v) ? "—" : format.apply(v)).append(" |");
      if (!Double.isNaN(v)) {
        values.add(v);
      }
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    md.append(" ")
        .append(spread && values.size() > 1 && mean > 0 ? Figures.percent((max - min) / mean) : "—")
        .append(" |\n");
  }

  private static SessionMemory sessionsOf(RunResults run) {
    SessionMemory s = run.sessions();
    return s != null && s.unavailable() == null && !s.steps().isEmpty() ? s : null;
  }

  private static WalletMemory walletsOf(RunResults run) {
    WalletMemory w = run.wallets();
    return w != null && w.unavailable() == null ? w : null;
  }

  private static Trades tradesOf(RunResults run) {
    Trades t = run.trades();
    return t != null && t.unavailable() == null && t.fundedOffers() > 0 ? t : null;
  }

  private static double throughput(RunResults run, int clients, int think) {
    return level(run, clients, think).map(LoadLevel::throughputPerSecond).orElse(Double.NaN);
  }

  private static Optional<LoadLevel> level(RunResults run, int clients, int think) {
    if (run.load() == null) {
      return Optional.empty();
    }
    return run.load().stream()
        .filter(l -> l.clients() == clients && l.thinkMillis() == think)
        .findFirst();
  }

  /** The server timer's p95 of the evicted wallets' reopening (the cold pass), if measured. */
  private static double coldOpenP95(WalletMemory w) {
    if (w == null || w.opens() == null) {
      return Double.NaN;
    }
    return w.opens().stream()
        .filter(o -> o.source().startsWith("server timer, evicted wallets") && o.count() > 0)
        .findFirst()
        .map(o -> o.latency().p95Millis())
        .orElse(Double.NaN);
  }

  private static double p95(RunResults run, int clients, int think) {
    return level(run, clients, think).map(l -> l.overall().p95Millis()).orElse(Double.NaN);
  }

  private static void profiles(StringBuilder md, RunResults r) {
    md.append("## 7. CPU profiles (Java Flight Recorder)\n\n");
    if (r.profiles() == null || r.profiles().isEmpty()) {
      md.append("No profile was recorded in this run.\n\n");
      return;
    }
    md.append(
        "Execution samples of the server's Java threads (JFR `profile` settings, every 10 ms),"
            + " taken with `jcmd JFR.start`/`JFR.stop` around the stretch. Component: the first"
            + " frame outside the JDK decides. JFR does not sample native code (SQLite's C"
            + " library) or the garbage collector, so those are not in the shares.\n\n");
    for (CpuProfile p : r.profiles()) {
      md.append("**")
          .append(cell(p.stretch()))
          .append("** (")
          .append(Figures.one(p.seconds()))
          .append(" s, ")
          .append(Figures.count(p.samples()))
          .append(" samples)\n\n");
      md.append("| component | share |\n|---|---:|\n");
      for (CpuProfile.Share sh : p.components()) {
        md.append("| ").append(cell(sh.name())).append(" | ");
        md.append(Figures.percent(sh.share())).append(" |\n");
      }
      md.append("\n| innermost OpenPleb method on the stack | share |\n|---|---:|\n");
      for (CpuProfile.Share sh : p.appMethods().subList(0, Math.min(8, p.appMethods().size()))) {
        md.append("| `").append(cell(sh.name())).append("` | ");
        md.append(Figures.percent(sh.share())).append(" |\n");
      }
      md.append("\n| hottest method (top of stack) | share |\n|---|---:|\n");
      for (CpuProfile.Share sh : p.hotMethods().subList(0, Math.min(8, p.hotMethods().size()))) {
        md.append("| `").append(cell(sh.name())).append("` | ");
        md.append(Figures.percent(sh.share())).append(" |\n");
      }
      md.append("\n");
    }
  }

  private static void notes(StringBuilder md, RunResults r) {
    if (r.notes() == null || r.notes().isEmpty()) {
      return;
    }
    md.append("## 8. Observations during the run\n\n");
    for (String n : r.notes()) {
      md.append("- ").append(n).append("\n");
    }
    md.append("\n");
  }

  private static String triple(Percentiles p) {
    if (p == null || p.count() == 0) {
      return "—";
    }
    return Figures.ms(p.p50Millis())
        + " / "
        + Figures.ms(p.p95Millis())
        + " / "
        + Figures.ms(p.p99Millis());
  }

  private static String mib(long bytes) {
    return (bytes / (1024 * 1024)) + "m";
  }

  /** A table cell: pipes escaped, line breaks flattened. */
  static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
  }
}
