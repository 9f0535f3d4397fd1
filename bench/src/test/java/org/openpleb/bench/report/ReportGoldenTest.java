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
