package org.openpleb.bench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class JvmOutputParsingTest {

  @Test
  void heapInfoOfG1() {
    String text =
        "27031:\n"
            + " garbage-first heap   total 524288K, used 68973K [0x00000000e0000000,"
            + " 0x0000000100000000)\n"
            + "  region size 1024K, 1 young (1024K), 0 survivors (0K)\n"
            + " Metaspace       used 114314K, committed 115584K, reserved 1179648K\n"
            + "  class space    used 14832K, committed 15488K, reserved 1048576K\n";
    HeapReading h = JvmDiagnostics.parseHeapInfo(text);
    assertEquals(68_973L * 1024, h.usedBytes());
    assertEquals(524_288L * 1024, h.committedBytes());
    assertEquals(114_314L * 1024, h.metaspaceUsedBytes());
    assertEquals(115_584L * 1024, h.metaspaceCommittedBytes());
  }

  @Test
  void codeCacheIsTheSumOfTheHeapsHighWaterMarks() {
    String text =
        "1145:\n"
            + "CodeHeap 'non-profiled nmethods': size=120036Kb used=403Kb max_used=500Kb"
            + " free=119632Kb\n"
            + " bounds [0x00007fd478ec7000, 0x00007fd479137000, 0x00007fd480400000]\n"
            + "CodeHeap 'profiled nmethods': size=120032Kb used=1890Kb max_used=1890Kb"
            + " free=118141Kb\n"
            + "CodeHeap 'non-nmethods': size=5692Kb used=1143Kb max_used=1161Kb free=4548Kb\n"
            + " total_blobs=1656 nmethods=1240 adapters=329\n";
    assertEquals((500L + 1890 + 1161) * 1024, JvmDiagnostics.parseCodeCache(text));
  }

  @Test
  void heapInfoWithoutAHeapLineIsAnError() {
    assertThrows(IllegalStateException.class, () -> JvmDiagnostics.parseHeapInfo("123:\nnothing"));
  }

  @Test
  void classHistogramRowsAndGrowth() {
    String before =
        "1:\n num     #instances         #bytes  class name (module)\n"
            + "-------------------------------------------------------\n"
            + "   1:        1000       20000  [B (java.base@17.0.15)\n"
            + "   2:         500       12000  java.lang.String (java.base@17.0.15)\n"
            + "   3:          10         800  org.example.Gone\n"
            + "Total          1510       32800\n";
    String after =
        "1:\n num     #instances         #bytes  class name (module)\n"
            + "   1:        3000       60000  [B (java.base@17.0.15)\n"
            + "   2:        1500       36000  java.lang.String (java.base@17.0.15)\n"
            + "   3:        1000       32000  org.openpleb.ee.session.UserSession\n"
            + "Total          5500      128000\n";
    ClassHistogram a = ClassHistogram.parse(before);
    ClassHistogram b = ClassHistogram.parse(after);
    assertEquals(3, a.entries().size());
    assertEquals(32_800, a.totalBytes());
    assertEquals("[B", b.top(1).get(0).className());
    List<ClassHistogram.Entry> growth = b.growthSince(a, 10);
    assertEquals(3, growth.size()); // Gone shrank and is left out
    assertEquals(new ClassHistogram.Entry("[B", 2000, 40000), growth.get(0));
    assertEquals(
        new ClassHistogram.Entry("org.openpleb.ee.session.UserSession", 1000, 32000),
        growth.get(1));
    assertEquals(new ClassHistogram.Entry("java.lang.String", 1000, 24000), growth.get(2));
    assertEquals(1, b.growthSince(a, 1).size());
  }

  @Test
  void prometheusTextWithLabelsAndWithout() {
    String text =
        "# TYPE openpleb_sessions_live gauge\n"
            + "openpleb_sessions_live{mp_scope=\"application\"} 20000\n"
            + "openpleb_wallet_open_seconds{mp_scope=\"application\",quantile=\"0.95\"} 0.0042\n"
            + "openpleb_wallet_open_seconds_count{mp_scope=\"application\"} 250\n"
            + "plain_metric 3.5\n"
            + "broken_metric{mp_scope=\"x\"} NaNish\n";
    MetricsText m = MetricsText.parse(text);
    assertEquals(20000, m.value("openpleb_sessions_live").orElseThrow());
    assertEquals(0.0042, m.value("openpleb_wallet_open_seconds", "quantile", "0.95").orElseThrow());
    assertEquals(250, m.value("openpleb_wallet_open_seconds_count").orElseThrow());
    assertEquals(3.5, m.value("plain_metric").orElseThrow());
    assertEquals(true, m.value("broken_metric").isEmpty());
    assertEquals(true, m.value("openpleb_wallet_open_seconds", "quantile", "0.5").isEmpty());
    assertEquals(true, m.hasFamily("openpleb_wallet_"));
  }
}
