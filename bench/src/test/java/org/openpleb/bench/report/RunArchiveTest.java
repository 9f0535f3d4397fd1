package org.openpleb.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunArchiveTest {

  @Test
  void resultsSurviveJson() {
    RunResults run = RunFixtures.passing("2026-11-27T10:00:00Z");
    RunResults back = RunArchive.fromJson(RunArchive.toJson(run));
    assertEquals(run.sessions().heapPerSessionBytes(), back.sessions().heapPerSessionBytes());
    assertEquals(run.load().get(2).overall(), back.load().get(2).overall());
    assertEquals(run.capacity().fixedCacheModel(), back.capacity().fixedCacheModel());
    assertEquals(run.run(), back.run());
  }

  @Test
  void aSecondRunOfTheDayKeepsTheFullReportAndAddsItsFigures(@TempDir Path dir) throws Exception {
    RunArchive archive = new RunArchive(dir.resolve("2026-11-27"));
    RunResults full = RunFixtures.passing("2026-11-27T10:00:00Z");
    Path report = archive.add(full);
    assertTrue(Files.readString(report).contains("This is the only run of the day"));
    RunResults sessionsOnly =
        new RunResults(
            RunFixtures.info("2026-11-27T11:00:00Z", "sessions"),
            full.scenarios(),
            RunFixtures.sessions(3_100),
            full.wallets(),
            java.util.List.of(),
            full.trades(),
            full.capacity(),
            java.util.List.of(),
            java.util.List.of());
    archive.add(sessionsOnly);
    String md = Files.readString(report);
    assertTrue(md.contains("mode **full**"), "the report stays the full run's");
    assertTrue(md.contains("| figure | 10:00:00 full ◀ | 11:00:00 sessions | spread |"), md);
    assertTrue(md.contains("| heap per session (slope) | 2.93 KiB | 3.03 KiB | — |"));
    assertTrue(md.contains("| resident per open wallet | 200 KiB | 200 KiB | 0.0 % |"));
    assertEquals(2, archive.runs().size());
    assertTrue(Files.exists(dir.resolve("2026-11-27/results.json")));
    assertTrue(Files.exists(dir.resolve("2026-11-27/memory-vs-sessions.svg")));
  }
}
