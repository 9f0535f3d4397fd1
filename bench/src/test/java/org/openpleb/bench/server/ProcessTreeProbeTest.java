package org.openpleb.bench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTreeProbeTest {

  /** A stat line with the given parent and CPU ticks (fields 4 and 14 to 17). */
  private static String stat(long pid, long ppid, long utime, long stime, long cu, long cs) {
    return pid
        + " (postgres: openpleb) S "
        + ppid
        + " 1 1 0 -1 4194560 100 0 0 0 "
        + utime
        + " "
        + stime
        + " "
        + cu
        + " "
        + cs
        + " 20 0 1 0 100 1000 10";
  }

  private static void process(Path proc, long pid, String stat) throws IOException {
    Files.writeString(
        Files.createDirectories(proc.resolve(Long.toString(pid))).resolve("stat"), stat);
  }

  @Test
  void sumsTheRootItsReapedChildrenAndItsLivingDescendants(@TempDir Path proc) throws IOException {
    process(proc, 100, stat(100, 1, 50, 10, 30, 10)); // postmaster: 60 own + 40 reaped
    process(proc, 101, stat(101, 100, 200, 100, 0, 0)); // a backend: 300
    process(proc, 102, stat(102, 101, 5, 5, 0, 0)); // a grandchild: 10
    process(proc, 200, stat(200, 1, 999, 999, 0, 0)); // not ours
    Files.createDirectories(proc.resolve("self"));
    assertEquals((60 + 40 + 300 + 10) / 100.0, new ProcessTreeProbe(100, proc, 100).cpuSeconds());
  }

  @Test
  void aVanishedTreeCostsNothing(@TempDir Path proc) throws IOException {
    process(proc, 200, stat(200, 1, 999, 999, 0, 0));
    assertEquals(0, new ProcessTreeProbe(100, proc, 100).cpuSeconds());
  }
}
