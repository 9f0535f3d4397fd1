package org.openpleb.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole report, character for character, for fixed result sets: the fixtures' passing, missing
 * and reduced runs, a day of two runs whose verdicts flip, and the two archived full runs of
 * 2026-11-27. The expected pages were rendered by the report writer before its prose moved into the
 * template resource, so any change of wording or layout shows here as a diff.
 */
class ReportGoldenTest {

  private static final String GOLDEN = "/org/openpleb/bench/report/golden/";

  static Stream<Object[]> reports() throws IOException {
    RunResults passing = RunFixtures.passing("2026-11-27T10:00:00Z");
    RunResults passingLater = RunFixtures.passing("2026-11-27T11:00:00Z");
    RunResults missingLater = RunFixtures.missing("2026-11-27T11:00:00Z");
    List<RunResults> day = archivedDay();
    List<Object[]> cases = new ArrayList<>();
    cases.add(new Object[] {"passing", passing, List.of(passing)});
    cases.add(new Object[] {"missing", RunFixtures.missing("2026-11-27T10:00:00Z"), List.of()});
    cases.add(
        new Object[] {
          "reduced", RunFixtures.withoutWalletsAndTrades("2026-11-27T10:00:00Z"), List.of()
        });
    cases.add(new Object[] {"two-runs", passing, List.of(passing, passingLater)});
    cases.add(new Object[] {"flipping", missingLater, List.of(passing, missingLater)});
    cases.add(new Object[] {"archived-day", day.get(day.size() - 1), day});
    cases.add(new Object[] {"archived-first", day.get(0), List.of(day.get(0))});
    cases.add(new Object[] {"bare-quick", bare(), List.of()});
    cases.add(new Object[] {"sessions-on-a-busy-machine", sessionsOnABusyMachine(), List.of()});
    cases.add(new Object[] {"server-report-unread", serverReportUnread(), List.of()});
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void theReportIsUnchanged(String name, RunResults run, List<RunResults> runsOfTheDay)
      throws IOException {
    ReportWriter.Report report = ReportWriter.render(run, runsOfTheDay);

    assertEquals(golden(name + ".md"), report.markdown());
    for (Map.Entry<String, String> chart : report.charts().entrySet()) {
      assertEquals(golden(name + "-" + chart.getKey()), chart.getValue(), chart.getKey());
    }
  }

  /** A CI smoke that measured nothing: every section says so. */
  private static RunResults bare() {
    return new RunResults(
        RunFixtures.info("2026-11-27T10:00:00Z", "quick"),
        List.of(),
        null,
        null,
        List.of(),
        null,
        null,
        List.of(),
        null);
  }

  /** A sessions-only run while the machine was busy, with the server's own capacity estimate. */
  private static RunResults sessionsOnABusyMachine() {
    RunResults base = RunFixtures.passing("2026-11-27T10:00:00Z");
    RunResults.RunInfo quiet = RunFixtures.info("2026-11-27T10:00:00Z", "sessions");
    RunResults.RunInfo busy =
        new RunResults.RunInfo(
            quiet.date(),
            quiet.startedAt(),
            quiet.durationSeconds(),
            quiet.mode(),
            quiet.command(),
            quiet.commit(),
            quiet.machine(),
            quiet.serverJvm(),
            quiet.serverJvmFlags(),
            quiet.heapMaxBytes(),
            quiet.serverSettings(),
            3.25,
            2.5);
    RunResults.Capacity c = base.capacity();
    RunResults.Capacity withEstimate =
        new RunResults.Capacity(
            null, c.serverModel(), c.serverModel(), c.fixedCacheModel(), c.inputs());
    return new RunResults(
        busy, base.scenarios(), base.sessions(), null, null, null, withEstimate, null, List.of());
  }

  /** A full run whose admin capacity report could not be read. */
  private static RunResults serverReportUnread() {
    RunResults base = RunFixtures.passing("2026-11-27T10:00:00Z");
    RunResults.Capacity c = base.capacity();
    return new RunResults(
        base.run(),
        base.scenarios(),
        base.sessions(),
        base.wallets(),
        base.load(),
        base.trades(),
        new RunResults.Capacity(
            "the admin login was refused",
            List.of(),
            c.serverModel(),
            c.fixedCacheModel(),
            c.inputs()),
        base.profiles(),
        base.notes());
  }

  private static List<RunResults> archivedDay() throws IOException {
    List<RunResults> runs = new ArrayList<>();
    for (String file : List.of("2026-11-27T13-16-59Z.json", "2026-11-27T13-28-22Z.json")) {
      runs.add(RunArchive.fromJson(golden("day/" + file)));
    }
    return runs;
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = ReportGoldenTest.class.getResourceAsStream(GOLDEN + name)) {
      if (in == null) {
        throw new IOException("no golden file " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
