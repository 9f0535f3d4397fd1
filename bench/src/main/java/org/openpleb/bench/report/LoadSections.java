package org.openpleb.bench.report;

import static org.openpleb.bench.report.ReportWriter.cell;
import static org.openpleb.bench.report.ReportWriter.triple;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.openpleb.bench.report.RunResults.LoadLevel;
import org.openpleb.bench.report.RunResults.SessionMemory;
import org.openpleb.bench.report.RunResults.Trades;
import org.openpleb.bench.stats.EndpointLatency;

/**
 * Sections 3 to 5 of the report: latency and throughput against load, trades, and the capacity
 * tables recomputed from the measured footprint.
 */
final class LoadSections {

  private static final ReportTemplate T = ReportTemplate.shipped();

  private LoadSections() {}

  /** Section 3, and the latency chart when there are closed-loop levels to draw. */
  static void load(StringBuilder md, RunResults r, Map<String, String> charts) {
    List<LoadLevel> levels = r.load();
    if (levels == null || levels.isEmpty()) {
      md.append(T.fill("load-unmeasured"));
      return;
    }
    MarkdownTable table =
        new MarkdownTable(
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            "clients",
            "think",
            "live sessions",
            "calls/s",
            "p50",
            "p95",
            "p99",
            "max",
            "errors",
            "server cores",
            "PostgreSQL cores",
            "driver cores",
            "dev mint cores",
            "other cores",
            "machine busy cores");
    for (LoadLevel l : levels) {
      table.row(
          l.clients(),
          l.thinkMillis() == 0 ? T.fill("no-think") : l.thinkMillis() + " ms",
          Figures.count(l.liveSessions()),
          Figures.one(l.throughputPerSecond()),
          Figures.ms(l.overall().p50Millis()),
          Figures.ms(l.overall().p95Millis()),
          Figures.ms(l.overall().p99Millis()),
          Figures.ms(l.overall().maxMillis()),
          l.errors(),
          Figures.two(l.serverCores()),
          Figures.two(l.databaseCores()),
          Figures.two(l.driverCores()),
          Figures.two(l.mintCores()),
          Figures.two(otherCores(l)),
          Figures.two(l.machineBusyCores()));
    }
    md.append(T.fill("load", "table", table));
    List<LoadLevel> closed = levels.stream().filter(l -> l.thinkMillis() == 0).toList();
    if (closed.size() > 1) {
      double[] xs = closed.stream().mapToDouble(LoadLevel::clients).toArray();
      charts.put(
          ReportWriter.LATENCY_CHART,
          new LineChart(
                  T.fill("latency-chart-title"),
                  "concurrent clients",
                  "milliseconds",
                  List.of(
                      series("p50", xs, closed, l -> l.overall().p50Millis()),
                      series("p95", xs, closed, l -> l.overall().p95Millis()),
                      series("p99", xs, closed, l -> l.overall().p99Millis()),
                      series("target p95 (50 ms)", xs, closed, l -> Targets.P95_MILLIS)),
                  true)
              .toSvg());
      md.append(T.fill("latency-chart", "file", ReportWriter.LATENCY_CHART));
    }
    md.append(T.fill("per-endpoint"));
    for (LoadLevel l : levels) {
      md.append(
          T.fill(
              "level",
              "clients",
              l.clients(),
              "think",
              l.thinkMillis() == 0 ? "" : T.fill("level-think", "think", l.thinkMillis()),
              "seconds",
              Figures.one(l.seconds()),
              "table",
              endpointTable(l.endpoints())));
    }
  }

  private static LineChart.Series series(
      String name, double[] xs, List<LoadLevel> levels, ToDoubleFunction<LoadLevel> figure) {
    return new LineChart.Series(name, xs, levels.stream().mapToDouble(figure).toArray());
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

  private static MarkdownTable endpointTable(List<EndpointLatency> endpoints) {
    MarkdownTable table =
        new MarkdownTable(
            "|---|---:|---:|---:|---:|---:|---:|---:|",
            "endpoint",
            "calls",
            "calls/s",
            "p50",
            "p95",
            "p99",
            "max",
            "errors");
    for (EndpointLatency e : endpoints) {
      table.row(
          "`" + cell(e.endpoint()) + "`",
          Figures.count(e.calls()),
          Figures.one(e.throughputPerSecond()),
          Figures.ms(e.latency().p50Millis()),
          Figures.ms(e.latency().p95Millis()),
          Figures.ms(e.latency().p99Millis()),
          Figures.ms(e.latency().maxMillis()),
          e.errors());
    }
    return table;
  }

  /** Section 4. */
  static void trades(StringBuilder md, Trades t) {
    if (t == null || t.unavailable() != null) {
      md.append(
          T.fill("trades-unavailable", "why", t == null ? T.fill("did-not-run") : t.unavailable()));
      return;
    }
    MarkdownTable table =
        new MarkdownTable("|---|---|", "figure", "value")
            .row(
                "offers funded by Lightning",
                t.fundedOffers() + " in " + Figures.one(t.fundingSeconds()) + " s")
            .row("server CPU per funded offer", Figures.ms(t.serverCpuMillisPerFundedOffer()))
            .row("dev mint CPU per funded offer", Figures.ms(t.mintCpuMillisPerFundedOffer()))
            .row(
                "PostgreSQL CPU per funded offer", Figures.ms(t.databaseCpuMillisPerFundedOffer()));
    if (t.fundingSequence() != null && t.fundingSequence().count() > 0) {
      table.row("create → funded at one client (p50 / p95 / p99)", triple(t.fundingSequence()));
    }
    if (t.orderBookOffers() > 0) {
      table
          .row(
              "order book",
              Figures.count(t.orderBookOffers())
                  + " offers, "
                  + Figures.bytes(t.orderBookBytes())
                  + " ("
                  + Figures.bytes(t.orderBookBytes() / (double) t.orderBookOffers())
                  + " per offer)")
          .row("one page of 100 offers at one client (p50 / p95 / p99)", triple(t.orderBookRead()))
          .row("server CPU per page of 100 offers", Figures.ms(t.serverCpuMillisPerPageRead()))
          .row(
              "server CPU per read of the whole book (page by page)",
              Figures.ms(t.serverCpuMillisPerOrderBookRead()));
    }
    if (t.traders() > 0) {
      table
          .row(
              "whole trades (fund, claim, receipt, approve)",
              t.tradesCompleted()
                  + " completed, "
                  + t.tradesFailed()
                  + " failed, "
                  + t.traders()
                  + " concurrent traders, "
                  + Figures.one(t.tradeSeconds())
                  + " s")
          .row("server CPU per completed trade", Figures.ms(t.serverCpuMillisPerTrade()));
    }
    md.append(T.fill("trades", "table", table));
    if (t.note() != null) {
      md.append(t.note()).append("\n\n");
    }
    if (t.tradeSteps() != null && !t.tradeSteps().isEmpty()) {
      md.append(T.fill("trade-calls", "table", endpointTable(t.tradeSteps())));
    }
  }

  /** Section 5. */
  static void capacity(StringBuilder md, RunResults r) {
    RunResults.Capacity c = r.capacity();
    if (c == null || c.inputs() == null) {
      md.append(T.fill("capacity-unmeasured"));
      return;
    }
    CapacityModel.Inputs in = c.inputs();
    md.append(
        T.fill(
            "capacity",
            "perSession",
            Figures.bytes(in.perSessionBytes()),
            "walletHeap",
            Figures.bytes(in.perWalletHeapBytes()),
            "walletResident",
            Figures.bytes(in.perWalletResidentBytes()),
            "assumed",
            in.walletFiguresMeasured() ? "" : T.fill("assumed"),
            "baseline",
            Figures.bytes(in.baselineHeapBytes()),
            "nonHeap",
            Figures.bytes(in.nonHeapResidentBytes()),
            "heapShare",
            Figures.percent(in.heapShare()),
            "warning",
            Figures.percent(in.memoryWarning()),
            "fixed",
            capacityTable(c.fixedCacheModel()),
            "server",
            capacityTable(c.serverModel())));
    SessionMemory s = r.sessions();
    if (s != null && !s.creation().isEmpty()) {
      double cpuPerLogin = s.creation().get(s.creation().size() - 1).serverCpuMillisPerLogin();
      int cores = r.run().machine().cores();
      md.append(
          T.fill(
              "login-bound",
              "cpu",
              Figures.ms(cpuPerLogin),
              "cores",
              cores,
              "rate",
              Figures.count(cpuPerLogin > 0 ? Math.round(cores * 1000 / cpuPerLogin) : 0)));
    }
    md.append(
        T.fill(
            "footprint-settings",
            "session",
            Math.round(Math.ceil(in.perSessionBytes())),
            "wallet",
            Math.round(Math.ceil(in.perWalletResidentBytes())),
            "baseline",
            in.baselineHeapBytes()));
    if (c.unavailable() != null) {
      md.append(T.fill("server-report-unread", "why", c.unavailable()));
    } else if (c.serverEstimate() != null && !c.serverEstimate().isEmpty()) {
      MarkdownTable table =
          new MarkdownTable(
              "|---|---:|---:|---:|", "server", "heap", "sessions supported", "wallets open");
      for (CapacityModel.Row row : c.serverEstimate()) {
        table.row(
            row.server(),
            Figures.bytes(row.heapBytes()),
            Figures.count(row.sessionsSupported()),
            Figures.count(row.walletsOpen()));
      }
      md.append(T.fill("server-estimate", "table", table));
    }
  }

  private static MarkdownTable capacityTable(List<CapacityModel.Row> rows) {
    MarkdownTable table =
        new MarkdownTable(
            "|---|---:|---:|---:|---:|---:|---:|---:|---|",
            "server",
            "heap",
            "sessions memory allows",
            "open wallets",
            "SESSION_LIMIT memory allows",
            "analysis",
            "× analysis",
            "expected RSS",
            "RSS below 70 % of machine");
    for (CapacityModel.Row row : rows) {
      table.row(
          row.server(),
          Figures.bytes(row.heapBytes()),
          Figures.count(row.sessionsSupported()),
          Figures.count(row.walletsOpen()),
          Figures.count(row.recommendedSessionLimit()),
          Figures.count(row.analysisSessions()),
          Figures.one(row.timesAnalysis()),
          Figures.bytes(row.expectedRssBytes()),
          row.residentFits() ? "yes" : "no");
    }
    return table;
  }
}
