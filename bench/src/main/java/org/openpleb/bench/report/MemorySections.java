package org.openpleb.bench.report;

import static org.openpleb.bench.report.ReportWriter.cell;
import static org.openpleb.bench.report.ReportWriter.triple;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openpleb.bench.report.RunResults.CreationSegment;
import org.openpleb.bench.report.RunResults.Growth;
import org.openpleb.bench.report.RunResults.KeepAlive;
import org.openpleb.bench.report.RunResults.MemoryStep;
import org.openpleb.bench.report.RunResults.SessionMemory;
import org.openpleb.bench.report.RunResults.WalletMemory;
import org.openpleb.bench.report.RunResults.WalletOpen;
import org.openpleb.bench.server.WalletFileAnatomy;

/** Sections 1 and 2 of the report: memory against live sessions, and open wallets. */
final class MemorySections {

  private static final ReportTemplate T = ReportTemplate.shipped();

  private MemorySections() {}

  /** Section 1, and the memory chart when there are steps to draw. */
  static void sessions(StringBuilder md, RunResults r, Map<String, String> charts) {
    md.append(T.fill("sessions-heading"));
    SessionMemory s = r.sessions();
    if (s == null || s.unavailable() != null) {
      md.append(
          T.fill(
              "sessions-unavailable", "why", s == null ? T.fill("did-not-run") : s.unavailable()));
      return;
    }
    MarkdownTable steps =
        new MarkdownTable(
            "|---:|---:|---:|---:|---:|---:|---:|---:|",
            "live sessions",
            "heap after full GC",
            "heap committed",
            "metaspace",
            "RSS",
            "RSS anon",
            "JVM classes + compiled code",
            "server CPU so far");
    for (MemoryStep step : s.steps()) {
      stepRow(steps, step);
    }
    if (s.beforeLogout() != null) {
      stepRow(steps, s.beforeLogout());
    }
    if (s.afterLogout() != null) {
      stepRow(steps, s.afterLogout());
    }
    md.append(
        T.fill(
            "sessions-figures",
            "steps",
            steps,
            "heap",
            Figures.plusMinus(s.heapPerSessionBytes(), s.heapMarginBytes()),
            "heapR2",
            Figures.two(s.heapFitR2()),
            "rss",
            Figures.plusMinus(s.rssPerSessionBytes(), s.rssMarginBytes()),
            "rssR2",
            Figures.two(s.rssFitR2()),
            "leak",
            leakCheck(s),
            "refused",
            s.refusedLogins()));
    if (s.steps().size() > 1) {
      double[] xs = s.steps().stream().mapToDouble(MemoryStep::liveSessions).toArray();
      double[] heap =
          s.steps().stream().mapToDouble(m -> m.heapUsedBytes() / (1024.0 * 1024)).toArray();
      double[] rss = s.steps().stream().mapToDouble(m -> m.rssBytes() / (1024.0 * 1024)).toArray();
      String title =
          T.fill("memory-chart-title", "heap", (r.run().heapMaxBytes() / (1024 * 1024)) + "m");
      charts.put(
          ReportWriter.MEMORY_CHART,
          new LineChart(
                  title,
                  "live sessions",
                  "MiB",
                  List.of(
                      new LineChart.Series("heap after full GC", xs, heap),
                      new LineChart.Series("resident (RSS)", xs, rss)),
                  false)
              .toSvg());
      md.append(T.fill("memory-chart", "file", ReportWriter.MEMORY_CHART));
    }
    MarkdownTable creation =
        new MarkdownTable(
            "|---|---:|---:|---:|---|---|---:|",
            "sessions",
            "logins/s",
            "in flight",
            "server CPU per login",
            "challenge p50 / p95 / p99",
            "login p50 / p95 / p99",
            "refused");
    for (CreationSegment c : s.creation()) {
      creation.row(
          Figures.count(c.fromSessions()) + " → " + Figures.count(c.toSessions()),
          Figures.one(c.perSecond()),
          c.concurrency(),
          Figures.ms(c.serverCpuMillisPerLogin()),
          triple(c.challenge()),
          triple(c.login()),
          c.refused());
    }
    md.append(T.fill("creation", "table", creation, "rate", Figures.one(s.overallCreationRate())));
    if (!s.keepAlive().isEmpty()) {
      MarkdownTable keepAlive =
          new MarkdownTable(
              "|---:|---|---:|---:|",
              "live sessions",
              "GET /api/sessions/current p50 / p95 / p99",
              "calls/s",
              "failed");
      for (KeepAlive k : s.keepAlive()) {
        keepAlive.row(
            Figures.count(k.liveSessions()),
            triple(k.latency()),
            Figures.one(k.perSecond()),
            k.failed());
      }
      md.append(T.fill("keep-alive", "table", keepAlive));
    }
    md.append(T.fill("session-histogram"));
    growthTable(md, s.growth(), "session");
  }

  /** The leak-check line, when the run logged its sessions out; else nothing. */
  private static String leakCheck(SessionMemory s) {
    if (s.afterLogout() == null || s.beforeLogout() == null) {
      return "";
    }
    long change = s.afterLogout().heapUsedBytes() - s.beforeLogout().heapUsedBytes();
    long n = s.beforeLogout().liveSessions();
    String growth =
        change > 0 && !s.logoutGrowth().isEmpty()
            ? T.fill("leak-growth", "classes", Targets.growthText(s.logoutGrowth(), 6))
            : "";
    return T.fill(
        "leak-check",
        "sessions",
        Figures.count(n),
        "verb",
        T.fill(change <= 0 ? "leak-freed" : "leak-added"),
        "change",
        Figures.bytes(Math.abs(change)),
        "perSession",
        Figures.bytes(n > 0 ? Math.abs(change) / (double) n : 0),
        "growth",
        growth);
  }

  private static void stepRow(MarkdownTable table, MemoryStep step) {
    table.row(
        cell(step.label()),
        Figures.bytes(step.heapUsedBytes()),
        Figures.bytes(step.heapCommittedBytes()),
        Figures.bytes(step.metaspaceBytes()),
        Figures.bytes(step.rssBytes()),
        Figures.bytes(step.rssAnonBytes()),
        Figures.bytes(step.jvmCodeAndClassesBytes()),
        Figures.one(step.serverCpuSeconds()) + " s");
  }

  private static void growthTable(StringBuilder md, List<Growth> growth, String unit) {
    if (growth == null || growth.isEmpty()) {
      md.append(T.fill("no-histogram"));
      return;
    }
    MarkdownTable table =
        new MarkdownTable("|---|---:|---:|", "class", "bytes per " + unit, "objects per " + unit);
    for (Growth g : growth) {
      table.row(
          "`" + cell(g.className()) + "`",
          Figures.bytes(g.bytesPerUnit()),
          Figures.two(g.instancesPerUnit()));
    }
    md.append(T.fill("histogram", "unit", unit, "table", table));
  }

  /** Section 2. */
  static void wallets(StringBuilder md, WalletMemory w) {
    if (w == null || w.unavailable() != null) {
      md.append(
          T.fill(
              "wallets-unavailable", "why", w == null ? T.fill("did-not-run") : w.unavailable()));
      return;
    }
    MarkdownTable readings =
        new MarkdownTable(
            "|---|---:|---:|---:|---:|",
            "",
            "live sessions",
            "open wallets",
            "heap after GC",
            "RSS");
    for (MemoryStep m : List.of(w.before(), w.after())) {
      readings.row(
          cell(m.label()),
          Figures.count(m.liveSessions()),
          m.openWallets(),
          Figures.bytes(m.heapUsedBytes()),
          Figures.bytes(m.rssBytes()));
    }
    md.append(
        T.fill(
            "wallets",
            "table",
            readings,
            "funded",
            w.walletsOpened(),
            "handles",
            w.openHandles(),
            "added",
            w.handlesAdded(),
            "resident",
            Figures.bytes(w.residentPerWalletBytes()),
            "heap",
            Figures.bytes(w.heapPerWalletBytes()),
            "native",
            Figures.bytes(w.nativePerWalletBytes()),
            "proofs",
            Figures.one(w.proofsPerWallet()),
            "file",
            ReportWriter.walletFile(w),
            "closedFiles",
            w.files() > 0
                ? T.fill(
                    "closed-files",
                    "files",
                    w.files(),
                    "largest",
                    Figures.bytes(w.fileBytesClosedMax()))
                : ""));
    if (w.deposit() != null && w.deposit().count() > 0) {
      md.append(T.fill("deposit", "latency", triple(w.deposit())));
    }
    WalletFileAnatomy a = w.anatomy();
    if (a != null && a.files() > 0) {
      MarkdownTable pages = new MarkdownTable("|---|---:|", "table or index", "pages (mean)");
      for (WalletFileAnatomy.BtreePages b : a.pagesByBtree()) {
        pages.row("`" + cell(b.name()) + "`", Figures.one(b.meanPages()));
      }
      md.append(
          T.fill(
              "anatomy",
              "files",
              a.files(),
              "pages",
              String.format(Locale.ROOT, "%.1f", a.meanPages()),
              "pageSize",
              a.pageSize(),
              "free",
              String.format(Locale.ROOT, "%.1f", a.meanFreePages()),
              "btrees",
              a.btrees(),
              "table",
              pages));
    }
    MarkdownTable opens =
        new MarkdownTable(
            "|---|---|---:|---:|---:|---:|---:|",
            "kind",
            "source",
            "samples",
            "p50",
            "p95",
            "p99",
            "max");
    for (WalletOpen o : w.opens()) {
      opens.row(
          o.kind(),
          cell(o.source()),
          o.count(),
          Figures.ms(o.latency().p50Millis()),
          Figures.ms(o.latency().p95Millis()),
          Figures.ms(o.latency().p99Millis()),
          Figures.ms(o.latency().maxMillis()));
    }
    md.append(T.fill("wallet-opens", "table", opens));
    if (w.serverCpuMillisPerColdUse() > 0 || w.serverCpuMillisPerWarmUse() > 0) {
      md.append(
          T.fill(
              "withdrawal-cpu",
              "cold",
              Figures.ms(w.serverCpuMillisPerColdUse()),
              "warm",
              Figures.ms(w.serverCpuMillisPerWarmUse())));
    }
    md.append(T.fill("wallet-histogram"));
    growthTable(md, w.growth(), "wallet");
  }
}
