package org.openpleb.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpleb.bench.report.RunResults.Idle;
import org.openpleb.bench.report.RunResults.SideBySide;
import org.openpleb.bench.report.RunResults.Workload;
import org.openpleb.bench.scenario.OperationWindow;
import org.openpleb.bench.stats.Percentiles;

class SideBySideSectionTest {

  private static final double MIB = 1024 * 1024;

  /** A workload whose window holds {@code ops} operations at the given CPU per operation. */
  private static Workload workload(
      String kind,
      int clients,
      long ops,
      double seconds,
      double serverMs,
      double pgMs,
      long p50Ms) {
    return new Workload(
        kind,
        clients,
        30,
        10,
        new OperationWindow(seconds, serverMs * ops / 1000, 0.001 * ops, pgMs * ops / 1000, ops),
        new Percentiles(ops, 1, p50Ms * 1_000_000, 2 * p50Ms * 1_000_000, 0, 0, 0),
        0);
  }

  private static SideBySide run(
      double newMs, double returningMs, double claimMs, long p50, double idleMs, double rssMib) {
    return new SideBySide(
        null,
        20,
        List.of(
            workload(RunResults.NEW_MAKERS, 1, 40, 20, newMs, 1, p50),
            workload(RunResults.NEW_MAKERS, 10, 600, 20, newMs, 2, p50 * 3),
            workload(RunResults.RETURNING_MAKERS, 1, 50, 20, returningMs, 1, p50),
            workload(RunResults.RETURNING_MAKERS, 10, 600, 20, returningMs, 1, p50 * 3),
            workload(RunResults.CLAIMS, 10, 300, 10, claimMs, 1, 10)),
        new Idle(
            new OperationWindow(20, idleMs * 20 / 1000, 0, 0.01, 0),
            (long) (rssMib * MIB),
            (long) (rssMib * 2 * MIB)));
  }

  private static Verdict verdict(List<SideBySideSection.Row> rows, String workloadStart) {
    return rows.stream()
        .filter(r -> r.workload().startsWith(workloadStart))
        .findFirst()
        .orElseThrow()
        .result()
        .verdict();
  }

  @Test
  void figuresAtTheTargetsPass() {
    List<SideBySideSection.Row> rows = SideBySideSection.rows(run(7.0, 4.0, 7.0, 99, 8.0, 300));
    assertEquals(10, rows.size());
    // 600 offers in 20 s = 30/s, ahead of the original's 24.0
    for (SideBySideSection.Row row : rows) {
      assertEquals(Verdict.PASS, row.result().verdict(), row.workload());
    }
  }

  @Test
  void figuresJustOverTheTargetsMiss() {
    List<SideBySideSection.Row> rows =
        SideBySideSection.rows(run(7.01, 4.01, 7.01, 100, 8.01, 300.01));
    assertEquals(Verdict.MISS, verdict(rows, "server CPU per Lightning-funded offer, 10 new"));
    assertEquals(Verdict.MISS, verdict(rows, "server CPU per funded offer, 1 new"));
    assertEquals(Verdict.MISS, verdict(rows, "server CPU per funded offer, 10 returning"));
    assertEquals(Verdict.MISS, verdict(rows, "server CPU per funded offer, 1 returning"));
    assertEquals(Verdict.MISS, verdict(rows, "claims with a bond"));
    assertEquals(Verdict.MISS, verdict(rows, "create → invoice → paid"));
    assertEquals(Verdict.MISS, verdict(rows, "idle background CPU"));
    assertEquals(Verdict.MISS, verdict(rows, "resident memory idle"));
  }

  @Test
  void rowsWithoutATargetAreJudgedAgainstTheOriginal() {
    SideBySide slow =
        new SideBySide(
            null, 20, List.of(workload(RunResults.NEW_MAKERS, 10, 480, 20, 5, 2.5, 50)), null);
    List<SideBySideSection.Row> rows = SideBySideSection.rows(slow);
    // exactly 24.0 offers/s and 2.5 ms of PostgreSQL are not ahead of the original
    assertEquals(Verdict.MISS, verdict(rows, "fund offers, 10 new makers"));
    assertEquals(Verdict.MISS, verdict(rows, "PostgreSQL CPU per funded offer"));
    assertEquals(Verdict.NOT_MEASURED, verdict(rows, "claims with a bond"));
    assertEquals(Verdict.NOT_MEASURED, verdict(rows, "idle background CPU"));
  }

  @Test
  void theSectionQuotesTheOriginalBesideThisRun() {
    RunResults r = RunFixtures.passing("2026-12-07T10:00:00Z");
    RunResults with =
        new RunResults(
            r.run(),
            r.scenarios(),
            r.sessions(),
            r.wallets(),
            r.load(),
            r.trades(),
            r.capacity(),
            r.profiles(),
            r.notes(),
            run(6, 3, 6, 40, 5, 250));
    StringBuilder md = new StringBuilder();
    SideBySideSection.section(md, with);
    String text = md.toString();
    assertTrue(text.contains("| original (bun), measured 2026-11 per issue #17 |"), text);
    assertTrue(text.contains("| 10.9 ms (10.9–14.4) | ≤ 7 ms | 6.00 ms over 600 operations |"));
    assertTrue(text.contains("| 56 / 77 ms | p50 < 100 ms | 40.0 ms / 80.0 ms | **pass** |"));
    assertTrue(ReportWriter.render(with, List.of(with)).markdown().contains("## Side by side"));
    assertTrue(!ReportWriter.render(r, List.of(r)).markdown().contains("## Side by side"));
  }

  @Test
  void theWorkloadSurvivesTheRunArchiveAndOlderRunsReadWithoutIt() {
    RunResults r = RunFixtures.passing("2026-12-07T10:00:00Z");
    SideBySide s = run(6, 3, 6, 40, 5, 250);
    RunResults with =
        new RunResults(
            r.run(),
            r.scenarios(),
            r.sessions(),
            r.wallets(),
            r.load(),
            r.trades(),
            r.capacity(),
            r.profiles(),
            r.notes(),
            s);
    RunResults back = RunArchive.fromJson(RunArchive.toJson(with));
    assertEquals(s, back.sideBySide());
    // a run archived before the workload existed has no such field at all
    String older = RunArchive.toJson(r).replaceAll(",\\s*\"sideBySide\"\\s*:\\s*null", "");
    assertTrue(!older.contains("sideBySide"), older);
    assertEquals(null, RunArchive.fromJson(older).sideBySide());
  }
}
