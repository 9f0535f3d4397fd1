package org.openpleb.bench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;
import org.openpleb.bench.report.RunResults.LoadLevel;
import org.openpleb.bench.report.RunResults.SessionMemory;
import org.openpleb.bench.report.RunResults.Trades;
import org.openpleb.bench.report.RunResults.WalletMemory;

/**
 * Section 6 of the report: the day's runs side by side, with the spread of each figure measured
 * more than once and the memory figures that moved more than 15 % between runs.
 */
final class Reproducibility {

  private static final ReportTemplate T = ReportTemplate.shipped();

  /** The largest spread, relative to the mean, that still counts as a repeated memory figure. */
  private static final double NARROW = 0.15;

  private Reproducibility() {}

  /** Section 6 for {@code r} among {@code runs} (the day's runs, oldest first). */
  static void section(StringBuilder md, RunResults r, List<RunResults> runs) {
    List<RunResults> all = new ArrayList<>(runs);
    if (all.stream().noneMatch(x -> x.run().startedAt().equals(r.run().startedAt()))) {
      all.add(r);
    }
    if (all.size() < 2) {
      md.append(T.fill("only-run"));
      return;
    }
    List<String> headers = new ArrayList<>();
    headers.add("figure");
    StringBuilder rule = new StringBuilder("|---|");
    for (RunResults run : all) {
      headers.add(
          run.run().startedAt().substring(11, 19)
              + " "
              + run.run().mode()
              + (run.run().startedAt().equals(r.run().startedAt()) ? " ◀" : ""));
      rule.append("---:|");
    }
    headers.add("spread");
    rule.append("---:|");
    MarkdownTable table = new MarkdownTable(rule.toString(), headers.toArray(String[]::new));
    row(table, all, "load average at start", x -> x.run().loadAverageStart(), Figures::two, true);
    row(
        table,
        all,
        "heap per session (slope)",
        x -> sessionsOf(x) == null ? Double.NaN : sessionsOf(x).heapPerSessionBytes(),
        Figures::bytes,
        false);
    row(
        table,
        all,
        "heap per session, 95 % margin",
        x -> sessionsOf(x) == null ? Double.NaN : sessionsOf(x).heapMarginBytes(),
        Figures::bytes,
        false);
    row(table, all, "resident per session (slope)", Reproducibility::rssPerSession, Figures::bytes);
    row(table, all, "heap after GC, 0 sessions", Reproducibility::heapAtZero, Figures::bytes);
    row(
        table,
        all,
        "heap after GC, top step",
        x -> sessionsOf(x) == null ? Double.NaN : sessionsOf(x).top().heapUsedBytes(),
        Figures::bytes);
    row(
        table,
        all,
        "RSS, top step",
        x -> sessionsOf(x) == null ? Double.NaN : sessionsOf(x).top().rssBytes(),
        Figures::bytes);
    row(
        table,
        all,
        "sessions per second",
        x -> sessionsOf(x) == null ? Double.NaN : sessionsOf(x).overallCreationRate(),
        Figures::one);
    row(table, all, "resident per open wallet", Reproducibility::perWallet, Figures::bytes);
    row(
        table,
        all,
        "closed wallet file",
        x ->
            walletsOf(x) == null || walletsOf(x).files() == 0
                ? Double.NaN
                : walletsOf(x).fileBytesClosed(),
        Figures::bytes);
    row(table, all, "cold wallet reopen p95 (server)", x -> coldOpenP95(walletsOf(x)), Figures::ms);
    row(table, all, "p95, 10 clients", x -> p95(x, 10, 0), Figures::ms);
    row(table, all, "p95, 200 clients", x -> p95(x, 200, 0), Figures::ms);
    row(table, all, "calls per second, 200 clients", x -> throughput(x, 200, 0), Figures::one);
    row(table, all, "p95, 200 paced users", x -> p95(x, 200, 1000), Figures::ms);
    row(
        table,
        all,
        "server CPU per funded offer",
        x -> tradesOf(x) == null ? Double.NaN : tradesOf(x).serverCpuMillisPerFundedOffer(),
        Figures::ms);
    row(
        table,
        all,
        "server CPU per whole trade",
        x -> tradesOf(x) == null ? Double.NaN : tradesOf(x).serverCpuMillisPerTrade(),
        Figures::ms);
    List<String> wide = new ArrayList<>();
    spreadOver(wide, all, "resident per session", Reproducibility::rssPerSession);
    spreadOver(wide, all, "heap after GC at 0 sessions", Reproducibility::heapAtZero);
    spreadOver(wide, all, "resident per open wallet", Reproducibility::perWallet);
    spreadOver(
        wide,
        all,
        "closed wallet file",
        x -> walletsOf(x) == null ? Double.NaN : walletsOf(x).fileBytesClosed());
    String spread =
        wide.isEmpty()
            ? T.fill("spread-narrow")
            : T.fill("spread-wide", "figures", String.join(", ", wide));
    md.append(T.fill("reproducibility", "table", table, "spread", spread));
  }

  private static double rssPerSession(RunResults x) {
    return sessionsOf(x) == null ? Double.NaN : sessionsOf(x).rssPerSessionBytes();
  }

  private static double heapAtZero(RunResults x) {
    return sessionsOf(x) == null ? Double.NaN : sessionsOf(x).steps().get(0).heapUsedBytes();
  }

  private static double perWallet(RunResults x) {
    return walletsOf(x) == null ? Double.NaN : walletsOf(x).residentPerWalletBytes();
  }

  private static void spreadOver(
      List<String> wide, List<RunResults> runs, String label, ToDoubleFunction<RunResults> figure) {
    double[] v = runs.stream().mapToDouble(figure).filter(x -> !Double.isNaN(x) && x > 0).toArray();
    if (v.length < 2) {
      return;
    }
    double min = Arrays.stream(v).min().orElse(0);
    double max = Arrays.stream(v).max().orElse(0);
    double mean = Arrays.stream(v).average().orElse(0);
    if (mean > 0 && (max - min) / mean > NARROW) {
      wide.add(
          T.fill(
              "spread-range",
              "figure",
              label,
              "min",
              Figures.bytes(min),
              "max",
              Figures.bytes(max)));
    }
  }

  private static void row(
      MarkdownTable table,
      List<RunResults> runs,
      String label,
      ToDoubleFunction<RunResults> figure,
      DoubleFunction<String> format) {
    row(table, runs, label, figure, format, true);
  }

  private static void row(
      MarkdownTable table,
      List<RunResults> runs,
      String label,
      ToDoubleFunction<RunResults> figure,
      DoubleFunction<String> format,
      boolean spread) {
    List<Object> cells = new ArrayList<>();
    cells.add(label);
    List<Double> values = new ArrayList<>();
    for (RunResults run : runs) {
      double v = figure.applyAsDouble(run);
      cells.add(Double.isNaN(v) ? "—" : format.apply(v));
      if (!Double.isNaN(v)) {
        values.add(v);
      }
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    cells.add(spread && values.size() > 1 && mean > 0 ? Figures.percent((max - min) / mean) : "—");
    table.row(cells.toArray());
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
}
