package org.openpleb.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openpleb.bench.report.RunResults.ScenarioStatus;
import org.openpleb.bench.report.RunResults.SessionMemory;
import org.openpleb.bench.report.RunResults.Trades;
import org.openpleb.bench.report.RunResults.WalletMemory;
import org.openpleb.bench.server.CpuProfile;
import org.openpleb.bench.stats.Percentiles;

/**
 * Writes the capacity report: a Markdown page a deployer can read top to bottom (the command, the
 * machine, the heap, the verdicts, every figure, the causes of misses, earlier runs for comparison)
 * and the SVG charts it links. The prose comes from {@link ReportTemplate}, tables from {@link
 * MarkdownTable}; this class writes the frame and the short sections, {@link MemorySections},
 * {@link LoadSections} and {@link Reproducibility} the long ones.
 */
public final class ReportWriter {

  /** File name of the memory chart. */
  public static final String MEMORY_CHART = "memory-vs-sessions.svg";

  /** File name of the latency chart. */
  public static final String LATENCY_CHART = "latency-vs-load.svg";

  private static final ReportTemplate T = ReportTemplate.shipped();

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
    md.append(
        T.fill(
            "title",
            "date",
            run.date(),
            "command",
            run.command(),
            "mode",
            run.mode(),
            "commit",
            run.commit(),
            "started",
            run.startedAt(),
            "minutes",
            Figures.one(run.durationSeconds() / 60)));
    if (!"full".equals(run.mode())) {
      md.append(T.fill("quick".equals(run.mode()) ? "partial-quick" : "partial-other"));
    }
    machine(md, r);
    MarkdownTable targets =
        new MarkdownTable(
            "|---|---|---|---|", "target", "measured", "verdict", "cause / evidence / next step");
    for (TargetResult t : Targets.evaluate(r)) {
      targets.row(cell(t.target()), cell(t.measured()), t.verdict().label(), cell(t.evidence()));
    }
    md.append(T.fill("targets", "table", targets));
    differingVerdicts(md, runsOfTheDay);
    SideBySideSection.section(md, r);
    references(md, r);
    scenarios(md, r);
    MemorySections.sessions(md, r, charts);
    MemorySections.wallets(md, r.wallets());
    LoadSections.load(md, r, charts);
    LoadSections.trades(md, r.trades());
    LoadSections.capacity(md, r);
    Reproducibility.section(md, r, runsOfTheDay);
    profiles(md, r);
    notes(md, r);
    md.append(T.fill("rerun"));
    return new Report(md.toString(), charts);
  }

  private static void machine(StringBuilder md, RunResults r) {
    RunResults.RunInfo run = r.run();
    MarkdownTable table =
        new MarkdownTable("|---|---|", "", "")
            .row("cores (nproc)", run.machine().cores())
            .row("memory", Figures.bytes(run.machine().memoryBytes()))
            .row("CPU", cell(run.machine().cpuModel()))
            .row("kernel", cell(run.machine().kernel()))
            .row("server JVM", cell(run.serverJvm()))
            .row("server heap (max)", Figures.bytes(run.heapMaxBytes()))
            .row("server JVM flags", "`" + cell(run.serverJvmFlags()) + "`")
            .row("driver JVM", cell(run.machine().driverJdk()))
            .row("server settings", "`" + cell(String.join(" ", run.serverSettings())) + "`")
            .row(
                "load average (1 min)",
                T.fill(
                    "load-average",
                    "start",
                    String.format(Locale.ROOT, "%.2f", run.loadAverageStart()),
                    "end",
                    String.format(Locale.ROOT, "%.2f", run.loadAverageEnd())));
    md.append(T.fill("machine", "table", table));
    if (run.loadAverageStart() > run.machine().cores()) {
      md.append(
          T.fill(
              "shared-machine",
              "load",
              Figures.two(run.loadAverageStart()),
              "cores",
              run.machine().cores()));
    }
    md.append(T.fill("machine-note"));
  }

  /** Targets whose verdict differs between the day's full runs: the figure sits in the noise. */
  private static void differingVerdicts(StringBuilder md, List<RunResults> runs) {
    List<RunResults> full = runs.stream().filter(x -> "full".equals(x.run().mode())).toList();
    if (full.size() < 2) {
      return;
    }
    List<List<TargetResult>> verdicts = full.stream().map(Targets::evaluate).toList();
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < verdicts.get(0).size(); i++) {
      int index = i;
      long kinds = verdicts.stream().map(v -> v.get(index).verdict()).distinct().count();
      if (kinds > 1) {
        lines.append("- ").append(verdicts.get(0).get(i).target()).append(": ");
        for (int k = 0; k < full.size(); k++) {
          TargetResult t = verdicts.get(k).get(i);
          lines
              .append(k == 0 ? "" : "; ")
              .append(full.get(k).run().startedAt().substring(11, 19))
              .append(" ")
              .append(t.verdict().label())
              .append(" (")
              .append(t.measured())
              .append(")");
        }
        lines.append("\n");
      }
    }
    if (lines.length() > 0) {
      md.append(T.fill("verdicts-differ", "lines", lines));
    }
  }

  private static void references(StringBuilder md, RunResults r) {
    WalletMemory w = r.wallets();
    boolean wallets = w != null && w.unavailable() == null;
    SessionMemory s = r.sessions();
    boolean sessions = s != null && s.unavailable() == null && s.steps().size() > 1;
    Trades t = r.trades();
    boolean trades = t != null && t.unavailable() == null;
    RunResults.Capacity c = r.capacity();
    String walletFile = wallets ? walletFile(w) : notMeasured(w);
    String session =
        sessions
            ? T.fill(
                "ref-session",
                "heap",
                Figures.plusMinus(s.heapPerSessionBytes(), s.heapMarginBytes()),
                "rss",
                Figures.plusMinus(s.rssPerSessionBytes(), s.rssMarginBytes()),
                "planning",
                Figures.bytes(s.planningBytesPerSession() + perWalletShare(r)))
            : T.fill("not-measured");
    String supported =
        c != null && c.fixedCacheModel() != null && !c.fixedCacheModel().isEmpty()
            ? T.fill(
                "ref-sessions-supported",
                "fixed",
                Figures.count(c.fixedCacheModel().get(0).sessionsSupported()),
                "server",
                Figures.count(c.serverModel().get(0).sessionsSupported()))
            : T.fill("not-computed");
    String offerCpu =
        trades && t.fundedOffers() > 0
            ? T.fill(
                "ref-offer-cpu",
                "server",
                Figures.ms(t.serverCpuMillisPerFundedOffer()),
                "mint",
                Figures.ms(t.mintCpuMillisPerFundedOffer()),
                "database",
                Figures.ms(t.databaseCpuMillisPerFundedOffer()))
            : notMeasured(t);
    String funding =
        trades && t.fundingSequence() != null && t.fundingSequence().count() > 0
            ? T.fill("ref-funding", "p50", Figures.ms(t.fundingSequence().p50Millis()))
            : notMeasured(t);
    boolean book = trades && t.orderBookOffers() > 0;
    String bookBytes =
        book ? Figures.bytes(t.orderBookBytes() / (double) t.orderBookOffers()) : notMeasured(t);
    String bookCpu =
        book
            ? T.fill(
                "ref-book-cpu",
                "whole",
                Figures.ms(t.serverCpuMillisPerOrderBookRead()),
                "offers",
                Figures.count(t.orderBookOffers()),
                "page",
                Figures.ms(t.serverCpuMillisPerPageRead()))
            : notMeasured(t);
    md.append(
        T.fill(
            "references",
            "cocoResident",
            cell(wallets ? Figures.bytes(w.residentPerWalletBytes()) : notMeasured(w)),
            "cocoFile",
            cell(walletFile),
            "analysisSession",
            cell(session),
            "analysisFile",
            cell(walletFile),
            "analysisSessions",
            cell(supported),
            "bunCpu",
            cell(offerCpu),
            "bunFunding",
            cell(funding),
            "bunBookBytes",
            cell(bookBytes),
            "bunBookCpu",
            cell(bookCpu)));
  }

  /** A wallet file's size closed and open, as the wallet section and the references give it. */
  static String walletFile(WalletMemory w) {
    if (w.files() > 0) {
      return T.fill(
          "wallet-file",
          "closed",
          Figures.bytes(w.fileBytesClosed()),
          "proofs",
          Figures.one(w.proofsPerWallet()),
          "open",
          Figures.bytes(w.fileBytesWhileOpen()));
    }
    return T.fill("wallet-file-open-only", "open", Figures.bytes(w.fileBytesWhileOpen()));
  }

  private static double perWalletShare(RunResults r) {
    WalletMemory w = r.wallets();
    if (w == null || w.unavailable() != null) {
      return 0;
    }
    return w.residentPerWalletBytes() / 3;
  }

  private static String notMeasured(WalletMemory w) {
    return T.fill(w == null || w.unavailable() == null ? "not-measured" : "not-in-build");
  }

  private static String notMeasured(Trades t) {
    return T.fill(t == null || t.unavailable() == null ? "not-measured" : "not-in-build");
  }

  private static void scenarios(StringBuilder md, RunResults r) {
    MarkdownTable table =
        new MarkdownTable("|---|---|---|", "scenario", "ran", "endpoints this build lacks");
    for (ScenarioStatus s : r.scenarios()) {
      table.row(
          s.scenario(),
          T.fill(s.available() ? "scenario-ran" : "scenario-not-run"),
          s.missing().isEmpty() ? "—" : cell(String.join(", ", s.missing())));
    }
    md.append(T.fill("scenarios", "table", table));
  }

  private static void profiles(StringBuilder md, RunResults r) {
    if (r.profiles() == null || r.profiles().isEmpty()) {
      md.append(T.fill("no-profile"));
      return;
    }
    md.append(T.fill("profiles"));
    for (CpuProfile p : r.profiles()) {
      md.append(
          T.fill(
              "profile",
              "stretch",
              cell(p.stretch()),
              "seconds",
              Figures.one(p.seconds()),
              "samples",
              Figures.count(p.samples()),
              "components",
              shares(p.components(), "component", false),
              "methods",
              shares(top(p.appMethods()), "innermost OpenPleb method on the stack", true),
              "hottest",
              shares(top(p.hotMethods()), "hottest method (top of stack)", true)));
    }
  }

  private static List<CpuProfile.Share> top(List<CpuProfile.Share> shares) {
    return shares.subList(0, Math.min(8, shares.size()));
  }

  private static MarkdownTable shares(List<CpuProfile.Share> shares, String title, boolean code) {
    MarkdownTable table = new MarkdownTable("|---|---:|", title, "share");
    for (CpuProfile.Share share : shares) {
      String name = cell(share.name());
      table.row(code ? "`" + name + "`" : name, Figures.percent(share.share()));
    }
    return table;
  }

  private static void notes(StringBuilder md, RunResults r) {
    if (r.notes() == null || r.notes().isEmpty()) {
      return;
    }
    List<String> lines = new ArrayList<>();
    for (String n : r.notes()) {
      lines.add("- " + n + "\n");
    }
    md.append(T.fill("notes", "lines", String.join("", lines)));
  }

  /** p50 / p95 / p99 in milliseconds, or a dash when nothing was measured. */
  static String triple(Percentiles p) {
    if (p == null || p.count() == 0) {
      return "—";
    }
    return Figures.ms(p.p50Millis())
        + " / "
        + Figures.ms(p.p95Millis())
        + " / "
        + Figures.ms(p.p99Millis());
  }

  /** A table cell: pipes escaped, line breaks flattened. */
  static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
  }
}
