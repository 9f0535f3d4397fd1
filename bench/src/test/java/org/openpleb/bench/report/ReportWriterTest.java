package org.openpleb.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ReportWriterTest {

  @Test
  void statesTheCommandMachineHeapAndVerdicts() {
    RunResults run = RunFixtures.passing("2026-11-27T10:00:00Z");
    String md = ReportWriter.render(run, List.of(run)).markdown();
    assertTrue(md.contains("`bench/run.sh`"));
    assertTrue(md.contains("| cores (nproc) | 2 |"));
    assertTrue(md.contains("| server heap (max) | 512 MiB |"));
    assertTrue(md.contains("Test CPU"));
    assertTrue(
        md.contains(
            "| ≤ 5 KB heap per live session without an open wallet | 2.93 KiB ± 60 B per session"));
    assertFalse(md.contains("**MISS**"));
    assertTrue(md.contains("≈ 454 KiB"));
    assertTrue(md.contains("![memory against live sessions](memory-vs-sessions.svg)"));
    assertTrue(md.contains("![latency against load](latency-vs-load.svg)"));
    assertTrue(md.contains("This is the only run of the day"));
  }

  @Test
  void missesCarryTheirMeasuredCause() {
    RunResults run = RunFixtures.missing("2026-11-27T10:00:00Z");
    String md = ReportWriter.render(run, List.of()).markdown();
    assertTrue(md.contains("**MISS**"));
    assertTrue(md.contains("Retained per session"));
    assertTrue(md.contains("`org.openpleb.ee.session.UserSession`"));
    assertTrue(md.contains("**funding offers by Lightning** (60.0 s, 3 samples)"));
    assertTrue(md.contains("| secp256k1 arithmetic (Bouncy Castle) | 66.7 % |"));
    assertTrue(md.contains("| `org.openpleb.cashu.crypto.Dleq.verify` | 66.7 % |"));
  }

  @Test
  void scenariosThisBuildLacksAreSaidToBeNotAvailable() {
    RunResults run = RunFixtures.withoutWalletsAndTrades("2026-11-27T10:00:00Z");
    String md = ReportWriter.render(run, List.of()).markdown();
    assertTrue(md.contains("**Not available in this build:** the server lacks GET /api/wallet"));
    assertTrue(md.contains("**Not available in this build:** the server lacks POST /api/offers"));
    assertTrue(md.contains("| open wallets | **not available in this build** |"));
    assertTrue(md.contains("(**assumed**: the server's default, not measured)"));
  }

  @Test
  void earlierRunsOfTheDayAppearForComparison() {
    RunResults first = RunFixtures.passing("2026-11-27T10:00:00Z");
    RunResults second = RunFixtures.passing("2026-11-27T11:00:00Z");
    String md = ReportWriter.render(first, List.of(first, second)).markdown();
    assertTrue(md.contains("| figure | 10:00:00 full ◀ | 11:00:00 full | spread |"), md);
    assertTrue(md.contains("| heap per session (slope) | 2.93 KiB | 2.93 KiB | — |"));
    assertTrue(md.contains("| resident per open wallet | 200 KiB | 200 KiB | 0.0 % |"));
  }

  @Test
  void chartsAreWellFormedSvg() throws Exception {
    RunResults run = RunFixtures.passing("2026-11-27T10:00:00Z");
    ReportWriter.Report report = ReportWriter.render(run, List.of());
    assertEquals(2, report.charts().size());
    for (String svg : report.charts().values()) {
      Document doc =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
      assertEquals("svg", doc.getDocumentElement().getTagName());
      assertTrue(doc.getElementsByTagName("polyline").getLength() >= 2);
    }
  }

  @Test
  void aLogoutThatLeavesHeapBehindShowsWhatGrew() {
    RunResults base = RunFixtures.passing("2026-11-27T10:00:00Z");
    RunResults.SessionMemory s = base.sessions();
    RunResults.SessionMemory leaky =
        s.withLogout(
            RunFixtures.step(20_000, 90),
            RunFixtures.step(0, 140),
            List.of(new RunResults.Growth("org.example.CacheKey", 1, 2_600)));
    RunResults run =
        new RunResults(
            base.run(),
            base.scenarios(),
            leaky,
            base.wallets(),
            base.load(),
            base.trades(),
            base.capacity(),
            base.profiles(),
            base.notes());
    String md = ReportWriter.render(run, List.of()).markdown();
    assertTrue(md.contains("sessions out at the end of the run **added** 50.0 MiB"), md);
    assertTrue(md.contains("`org.example.CacheKey` 2.54 KiB (1.0 objects)"));
  }

  @Test
  void verdictsThatFlipBetweenFullRunsAreCalledOut() {
    RunResults first = RunFixtures.passing("2026-11-27T10:00:00Z");
    RunResults second = RunFixtures.missing("2026-11-27T11:00:00Z");
    String md = ReportWriter.render(second, List.of(first, second)).markdown();
    assertTrue(md.contains("**Verdicts that differ between today's full runs**"));
    assertTrue(
        md.contains("- ≤ 256 KiB resident per open wallet (heap + native): 10:00:00 **pass** ("),
        md);
    assertFalse(
        ReportWriter.render(first, List.of(first, RunFixtures.passing("2026-11-27T11:00:00Z")))
            .markdown()
            .contains("Verdicts that differ"));
  }

  @Test
  void tableCellsEscapePipes() {
    assertEquals("a \\| b c", ReportWriter.cell("a | b\nc"));
  }
}
