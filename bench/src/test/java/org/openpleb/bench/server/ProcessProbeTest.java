package org.openpleb.bench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessProbeTest {

  private static final String STATUS =
      "Name:\tjava\nVmPeak:\t 3000000 kB\nVmHWM:\t  900000 kB\nVmRSS:\t  815000 kB\n"
          + "RssAnon:\t  788000 kB\nRssFile:\t   27000 kB\n";

  // comm with a space and a parenthesis, as a thread-named process can have
  private static final String STAT =
      "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 12345 0 0 0 2028 75 0 0 20 0 60 0 1000 "
          + "3000000000 200000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

  @Test
  void readsResidentMemoryAndCpuFromProc(@TempDir Path proc) throws IOException {
    Path dir = Files.createDirectories(proc.resolve("4242"));
    Files.writeString(dir.resolve("status"), STATUS);
    Files.writeString(dir.resolve("stat"), STAT);
    ProcessProbe probe = new ProcessProbe(4242, proc, 100);
    ProcessFigures f = probe.read();
    assertEquals(815_000L * 1024, f.rssBytes());
    assertEquals(788_000L * 1024, f.rssAnonBytes());
    assertEquals(900_000L * 1024, f.rssPeakBytes());
    assertEquals(21.03, f.cpuSeconds(), 1e-9); // (2028 + 75) ticks at 100 Hz
    assertTrue(probe.alive());
    assertFalse(new ProcessProbe(1, proc, 100).alive());
  }

  @Test
  void missingStatusKeysReadAsZero() {
    assertEquals(0, ProcessProbe.statusKib("Name:\tx\n", "VmRSS:"));
  }

  @Test
  void cpuFieldsAreCountedAfterTheLastParenthesis() {
    assertEquals(2028 + 75, ProcessProbe.cpuTicks(STAT));
  }
}
