package org.openpleb.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.openpleb.bench.report.RunResults.Idle;
import org.openpleb.bench.report.RunResults.SideBySide;
import org.openpleb.bench.report.RunResults.Workload;
import org.openpleb.bench.scenario.OperationWindow;
import org.openpleb.bench.scenario.SideBySideScenario;
import org.openpleb.bench.server.CpuProfile;

/**
 * The side-by-side section: this run's figures for the workload of issue #17 beside the original
 * backend's figures as the issue quotes them, each row judged against the target (or, where
 * the issue sets none, against the original's figure: the goal is to be ahead on every row).
 */
public final class SideBySideSection {

  /** Where the original's figures come from. */
  public static final String ORIGINAL_SOURCE = "original (bun), measured 2026-11 per issue #17";

  /** Server CPU per funded offer, new makers, milliseconds. */
  public static final double NEW_MAKER_CPU_MILLIS = 7;

  /** Server CPU per funded offer, returning makers, milliseconds. */
  public static final double RETURNING_MAKER_CPU_MILLIS = 4;

  /** Server CPU per claim, milliseconds. */
  public static final double CLAIM_CPU_MILLIS = 7;

  /** Create → funded p50 at one maker, milliseconds (strictly below). */
  public static final double ONE_MAKER_P50_MILLIS = 100;

  /** Idle background CPU, milliseconds per second. */
  public static final double IDLE_CPU_MILLIS_PER_SECOND = 8;

  /** Idle resident memory, bytes (300 MB). */
  public static final double IDLE_RESIDENT_BYTES = 300.0 * 1024 * 1024;

  /** The original's funded offers per second, 10 makers. */
  static final double ORIGINAL_OFFERS_PER_SECOND = 24.0;

  /** The original's PostgreSQL CPU per funded offer, milliseconds. */
  static final double ORIGINAL_DATABASE_MILLIS = 2.5;

  private SideBySideSection() {}

  /**
   * One row: the workload, the original's figure as the issue gives it, and this run's figure
   * judged against the target.
   *
   * @param workload what was measured
   * @param original the original's figure, quoted
   * @param result the target, this run's figure, the verdict and how it was measured
   */
  public record Row(String workload, String original, TargetResult result) {}

  /** The rows of {@code s}, in the table's order, without profiles. */
  public static List<Row> rows(SideBySide s) {
    return rows(s, stretch -> null);
  }

  /**
   * The rows of {@code s}, in the table's order; a miss of a 10-client row carries the
   * profile {@code profiles} gives for its window.
   */
  public static List<Row> rows(SideBySide s, Function<String, CpuProfile> profiles) {
    List<Row> out = new ArrayList<>();
    Workload new10 = s.find(RunResults.NEW_MAKERS, 10);
    Workload new1 = s.find(RunResults.NEW_MAKERS, 1);
    Workload ret10 = s.find(RunResults.RETURNING_MAKERS, 10);
    Workload ret1 = s.find(RunResults.RETURNING_MAKERS, 1);
    Workload claims = s.find(RunResults.CLAIMS, 10);
    out.add(
        new Row(
            "fund offers, 10 new makers in a closed loop: funded offers/s",
            "24.0 (15.5–24.0)",
            atLeast(
                "> 24.0 funded offers/s (ahead of the original)",
                new10,
                w -> w.window().perSecond(),
                ORIGINAL_OFFERS_PER_SECOND,
                v -> Figures.one(v) + " funded offers/s")));
    out.add(
        new Row(
            "server CPU per Lightning-funded offer, 10 new makers",
            "10.9 ms (10.9–14.4)",
            cpu(
                "≤ 7 ms",
                new10,
                w -> w.window().serverMillisPerOperation(),
                NEW_MAKER_CPU_MILLIS)));
    out.add(
        new Row(
            "server CPU per funded offer, 1 new maker",
            "13.1 ms",
            cpu("≤ 7 ms", new1, w -> w.window().serverMillisPerOperation(), NEW_MAKER_CPU_MILLIS)));
    out.add(
        new Row(
            "server CPU per funded offer, 10 returning makers",
            "— (every maker was new)",
            Targets.withProfile(
                cpu(
                    "≤ 4 ms",
                    ret10,
                    w -> w.window().serverMillisPerOperation(),
                    RETURNING_MAKER_CPU_MILLIS),
                profiles.apply(SideBySideScenario.PROFILE_RETURNING_MAKERS))));
    out.add(
        new Row(
            "server CPU per funded offer, 1 returning maker at a time",
            "— (every maker was new)",
            cpu(
                "≤ 4 ms",
                ret1,
                w -> w.window().serverMillisPerOperation(),
                RETURNING_MAKER_CPU_MILLIS)));
    out.add(new Row("create → invoice → paid, 1 maker, p50 / p95", "56 / 77 ms", oneMaker(new1)));
    out.add(
        new Row(
            "claims with a bond, 10 takers: server CPU per claim",
            "12.5 ms (12.5–15.7)",
            Targets.withProfile(
                cpu("≤ 7 ms", claims, w -> w.window().serverMillisPerOperation(), CLAIM_CPU_MILLIS),
                profiles.apply(SideBySideScenario.PROFILE_CLAIMS))));
    out.add(
        new Row(
            "PostgreSQL CPU per funded offer, 10 new makers",
            "2.5 ms",
            cpu(
                "< 2.5 ms (ahead of the original)",
                new10,
                w -> w.window().databaseMillisPerOperation(),
                Math.nextDown(ORIGINAL_DATABASE_MILLIS))));
    out.add(new Row("idle background CPU", "5–8 ms/s", idleCpu(s.idle())));
    out.add(new Row("resident memory idle / peak", "90 / 134–166 MB", idleMemory(s.idle())));
    return out;
  }

  /** Appends the section to {@code md} when the run measured the workload. */
  static void section(StringBuilder md, RunResults r) {
    SideBySide s = r.sideBySide();
    if (s == null) {
      return;
    }
    md.append("\n## Side by side with the original (issue #17)\n\n");
    if (s.unavailable() != null) {
      md.append("Not measured: ").append(ReportWriter.cell(s.unavailable())).append(".\n\n");
      return;
    }
    md.append(
        "The workload issue #17 measured on the original backend, run here the same way: each"
            + " maker creates an offer, asks for its Lightning invoice (the dev mint pays it at"
            + " once) and reads its offer until it is funded, reading again after "
            + s.pollMillis()
            + " ms, then doubling the pause up to 500 ms. *New makers* are a new key and session"
            + " per offer (so a new session wallet file each; the logins are outside the"
            + " window); *returning makers* are the same 10 makers funding again and again."
            + " Each row is measured over a window after an unmeasured warm-up (counts below),"
            + " closed loop; CPU from /proc at the window's edges, PostgreSQL summed over the"
            + " postmaster and its backends. The original's column quotes the issue: "
            + ORIGINAL_SOURCE
            + ". A row without a target in the issue is judged against the original's figure.\n\n");
    MarkdownTable table =
        new MarkdownTable(
            "|---|---|---|---|---|---|",
            "workload",
            ORIGINAL_SOURCE,
            "target (#17)",
            "this run",
            "verdict",
            "how / why");
    for (Row row : rows(s, r::profile)) {
      table.row(
          ReportWriter.cell(row.workload()),
          ReportWriter.cell(row.original()),
          ReportWriter.cell(row.result().target()),
          ReportWriter.cell(row.result().measured()),
          row.result().verdict().label(),
          ReportWriter.cell(row.result().evidence()));
    }
    md.append(table);
    md.append("\nEvery workload of the window:\n\n");
    MarkdownTable all =
        new MarkdownTable(
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            "workload",
            "clients",
            "warm-up (ops / s)",
            "window (ops / s)",
            "ops/s",
            "p50",
            "p95",
            "server CPU / op",
            "dev mint CPU / op",
            "PostgreSQL CPU / op",
            "failed");
    for (Workload w : s.workloads()) {
      OperationWindow win = w.window();
      all.row(
          w.kind().equals(RunResults.CLAIMS) ? "claims with a bond" : "fund offers, " + w.kind(),
          w.clients(),
          w.warmupOperations() + " / " + Figures.one(w.warmupSeconds()),
          win.operations() + " / " + Figures.one(win.seconds()),
          Figures.two(win.perSecond()),
          Figures.ms(w.latency().p50Millis()),
          Figures.ms(w.latency().p95Millis()),
          Figures.ms(win.serverMillisPerOperation()),
          Figures.ms(win.mintMillisPerOperation()),
          Figures.ms(win.databaseMillisPerOperation()),
          w.failures());
    }
    md.append(all);
    md.append(
        "\nLatency: fund offers, create → funded as the maker saw it; claims, the claim call."
            + " Dev mint CPU is the FakeWallet side of the original's set-up and is not part of"
            + " the server's figure. The 10-client windows and the claims are recorded with Java"
            + " Flight Recorder (section 7).\n\n");
  }

  /** A figure that must be at most {@code limit}. */
  private static TargetResult cpu(
      String target, Workload w, java.util.function.ToDoubleFunction<Workload> figure, double max) {
    if (w == null || w.window().operations() == 0) {
      return notMeasured(target, w);
    }
    double v = figure.applyAsDouble(w);
    return new TargetResult(
        target,
        Figures.ms(v) + " over " + w.window().operations() + " operations",
        v <= max ? Verdict.PASS : Verdict.MISS,
        "process CPU time (/proc) over the window after "
            + w.warmupOperations()
            + " warm-up operations.");
  }

  /** A figure that must exceed {@code floor}. */
  private static TargetResult atLeast(
      String target,
      Workload w,
      java.util.function.ToDoubleFunction<Workload> figure,
      double floor,
      java.util.function.DoubleFunction<String> text) {
    if (w == null || w.window().operations() == 0) {
      return notMeasured(target, w);
    }
    double v = figure.applyAsDouble(w);
    return new TargetResult(
        target,
        text.apply(v),
        v > floor ? Verdict.PASS : Verdict.MISS,
        "funded offers completed in the window ÷ its wall time; latency p50 "
            + Figures.ms(w.latency().p50Millis())
            + ", p95 "
            + Figures.ms(w.latency().p95Millis()));
  }

  private static TargetResult oneMaker(Workload w) {
    String target = "p50 < 100 ms";
    if (w == null || w.latency().count() == 0) {
      return notMeasured(target, w);
    }
    double p50 = w.latency().p50Millis();
    return new TargetResult(
        target,
        Figures.ms(p50) + " / " + Figures.ms(w.latency().p95Millis()),
        p50 < ONE_MAKER_P50_MILLIS ? Verdict.PASS : Verdict.MISS,
        w.latency().count()
            + " sequences by new makers at one client; the maker's reads are part of it (first"
            + " after the invoice at once, then after the poll pause)");
  }

  private static TargetResult idleCpu(Idle idle) {
    String target = "≤ 8 ms/s";
    if (idle == null || idle.window().seconds() <= 0) {
      return new TargetResult(target, "—", Verdict.NOT_MEASURED, "no quiet window in this run");
    }
    double v = idle.window().serverMillisPerSecond();
    return new TargetResult(
        target,
        Figures.two(v) + " ms/s",
        v <= IDLE_CPU_MILLIS_PER_SECOND ? Verdict.PASS : Verdict.MISS,
        "server CPU over "
            + Figures.one(idle.window().seconds())
            + " s with no client, after the load and every logout (PostgreSQL "
            + Figures.two(idle.window().databaseMillisPerSecond())
            + " ms/s)");
  }

  private static TargetResult idleMemory(Idle idle) {
    String target = "≤ 300 MB idle";
    if (idle == null || idle.rssBytes() <= 0) {
      return new TargetResult(target, "—", Verdict.NOT_MEASURED, "no quiet window in this run");
    }
    return new TargetResult(
        target,
        Figures.bytes(idle.rssBytes()) + " / " + Figures.bytes(idle.peakRssBytes()),
        idle.rssBytes() <= IDLE_RESIDENT_BYTES ? Verdict.PASS : Verdict.MISS,
        "server RSS at the end of the quiet window / VmHWM. This run gives the server a fixed,"
            + " pre-touched heap (BENCH_HEAP, -Xms = -Xmx, -XX:+AlwaysPreTouch), so all of it is"
            + " resident, and it follows the whole run's load: this is not the idle footprint"
            + " of a freshly started server (see the server JVM flags above). MB read as MiB");
  }

  private static TargetResult notMeasured(String target, Workload w) {
    return new TargetResult(
        target,
        "—",
        Verdict.NOT_MEASURED,
        w == null ? "this workload did not run" : "no operation completed in the window");
  }
}
