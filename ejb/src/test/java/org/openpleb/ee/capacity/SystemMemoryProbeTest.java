package org.openpleb.ee.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeds the probe fake cgroup and meminfo trees below a temporary root. */
class SystemMemoryProbeTest {

  private static final long GIB = 1L << 30;
  private static final long MIB = 1L << 20;

  /** A heap a quarter full, below every machine ratio used here unless a test says otherwise. */
  private static final MemoryFigure QUARTER_HEAP = new MemoryFigure(256 * MIB, 1024 * MIB);

  @TempDir Path root;

  private void write(String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  /** 16 GiB of RAM, 4 GiB available: 75 % used. */
  private void meminfo() throws IOException {
    write(
        "proc/meminfo",
        "MemTotal:       16777216 kB\n"
            + "MemFree:          524288 kB\n"
            + "MemAvailable:    4194304 kB\n"
            + "Buffers:          102400 kB\n"
            + "Cached:          3145728 kB\n"
            + "SwapTotal:             0 kB\n");
  }

  private MemoryReading read(MemorySource source) {
    return new SystemMemoryProbe(source, root, () -> QUARTER_HEAP).read();
  }

  @Test
  void cgroupV2LimitAgainstWorkingSet() throws IOException {
    meminfo();
    write("proc/self/cgroup", "0::/\n");
    write("sys/fs/cgroup/memory.max", (4 * GIB) + "\n");
    write("sys/fs/cgroup/memory.current", (3 * GIB) + "\n");
    write("sys/fs/cgroup/memory.stat", "anon 2147483648\ninactive_file " + (512 * MIB) + "\n");

    MemoryReading reading = read(MemorySource.AUTO);

    assertEquals("cgroup2", reading.source());
    assertEquals(new MemoryFigure(3 * GIB - 512 * MIB, 4 * GIB), reading.machine());
    assertEquals(0.625, reading.machine().ratio());
    assertEquals(0.625, reading.ratio());
  }

  @Test
  void cgroupV2OwnPathIsPreferredToTheMountRoot() throws IOException {
    write("proc/self/cgroup", "0::/system.slice/openpleb.service\n");
    write("sys/fs/cgroup/system.slice/openpleb.service/memory.max", String.valueOf(2 * GIB));
    write("sys/fs/cgroup/system.slice/openpleb.service/memory.current", String.valueOf(GIB));
    write("sys/fs/cgroup/memory.max", String.valueOf(8 * GIB));
    write("sys/fs/cgroup/memory.current", String.valueOf(7 * GIB));

    MemoryReading reading = read(MemorySource.CGROUP);

    assertEquals(new MemoryFigure(GIB, 2 * GIB), reading.machine());
  }

  @Test
  void cgroupV2MaxMeansUnlimitedAndFallsBackToMeminfo() throws IOException {
    meminfo();
    write("proc/self/cgroup", "0::/\n");
    write("sys/fs/cgroup/memory.max", "max\n");
    write("sys/fs/cgroup/memory.current", String.valueOf(GIB));

    MemoryReading reading = read(MemorySource.AUTO);

    assertEquals("meminfo", reading.source());
    assertEquals(new MemoryFigure(12 * GIB, 16 * GIB), reading.machine());
    assertEquals(0.75, reading.ratio());
  }

  @Test
  void cgroupSourceAlsoFallsBackToMeminfoWhenUnlimited() throws IOException {
    meminfo();
    write("sys/fs/cgroup/memory.max", "max");
    write("sys/fs/cgroup/memory.current", String.valueOf(GIB));

    assertEquals("meminfo", read(MemorySource.CGROUP).source());
  }

  @Test
  void cgroupV1LimitAgainstUsageMinusInactiveFileCache() throws IOException {
    meminfo();
    // a container on a v1 host: /proc/self/cgroup names the host's path, which is not mounted here
    write("proc/self/cgroup", "4:memory:/docker/abc123\n1:cpu,cpuacct:/docker/abc123\n0::/\n");
    write("sys/fs/cgroup/memory/memory.limit_in_bytes", String.valueOf(2 * GIB));
    write("sys/fs/cgroup/memory/memory.usage_in_bytes", String.valueOf(GIB + 512 * MIB));
    write(
        "sys/fs/cgroup/memory/memory.stat",
        "cache 1\ninactive_file 1\ntotal_inactive_file " + (256 * MIB) + "\n");

    MemoryReading reading = read(MemorySource.AUTO);

    assertEquals("cgroup1", reading.source());
    assertEquals(new MemoryFigure(GIB + 256 * MIB, 2 * GIB), reading.machine());
    assertEquals(0.625, reading.ratio());
  }

  @Test
  void cgroupV1OwnPathWithCombinedControllers() throws IOException {
    write("proc/self/cgroup", "7:blkio:/\n4:memory,hugetlb:/app\n");
    write("sys/fs/cgroup/memory/app/memory.limit_in_bytes", String.valueOf(GIB));
    write("sys/fs/cgroup/memory/app/memory.usage_in_bytes", String.valueOf(GIB / 2));
    write("sys/fs/cgroup/memory/app/memory.stat", "inactive_file 0\n");

    assertEquals(0.5, read(MemorySource.CGROUP).machine().ratio());
  }

  @Test
  void cgroupV1HugeLimitMeansUnlimitedAndFallsBackToMeminfo() throws IOException {
    meminfo();
    write("sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n");
    write("sys/fs/cgroup/memory/memory.usage_in_bytes", String.valueOf(GIB));

    MemoryReading reading = read(MemorySource.AUTO);

    assertEquals("meminfo", reading.source());
    assertEquals(0.75, reading.ratio());
  }

  @Test
  void aCgroupLimitAboveTheMachinesMemoryLimitsNothing() throws IOException {
    meminfo();
    write("sys/fs/cgroup/memory.max", String.valueOf(32 * GIB));
    write("sys/fs/cgroup/memory.current", String.valueOf(GIB));

    assertEquals("meminfo", read(MemorySource.AUTO).source());
  }

  @Test
  void meminfoAloneWhenThereIsNoCgroup() throws IOException {
    meminfo();

    MemoryReading reading = read(MemorySource.AUTO);

    assertEquals("meminfo", reading.source());
    assertEquals(new MemoryFigure(12 * GIB, 16 * GIB), reading.machine());
  }

  @Test
  void meminfoWithoutMemAvailableEstimatesFromFreeBuffersAndCached() throws IOException {
    write(
        "proc/meminfo",
        "MemTotal: 1048576 kB\nMemFree: 262144 kB\nBuffers: 65536 kB\nCached: 196608 kB\n");

    MemoryReading reading = read(MemorySource.MEMINFO);

    assertEquals(0.5, reading.machine().ratio());
  }

  @Test
  void meminfoSourceIgnoresTheCgroup() throws IOException {
    meminfo();
    write("sys/fs/cgroup/memory.max", String.valueOf(2 * GIB));
    write("sys/fs/cgroup/memory.current", String.valueOf(2 * GIB));

    assertEquals("meminfo", read(MemorySource.MEMINFO).source());
  }

  @Test
  void theHeapIsASecondSignalAndWinsWhenFuller() throws IOException {
    meminfo(); // 75 %
    MemoryFigure fullHeap = new MemoryFigure(900 * MIB, 1000 * MIB);

    MemoryReading reading = new SystemMemoryProbe(MemorySource.AUTO, root, () -> fullHeap).read();

    assertEquals(0.75, reading.machine().ratio());
    assertEquals(0.9, reading.heap().ratio());
    assertEquals(0.9, reading.ratio());
  }

  @Test
  void nothingToReadLeavesTheHeapAloneInAuto() {
    MemoryReading reading = read(MemorySource.AUTO);

    assertEquals("heap", reading.source());
    assertFalse(reading.machine().known());
    assertEquals(0.25, reading.ratio());
  }

  @Test
  void heapSourceReadsNoFiles() throws IOException {
    meminfo();

    MemoryReading reading = read(MemorySource.HEAP);

    assertEquals("heap", reading.source());
    assertEquals(MemoryFigure.UNKNOWN, reading.machine());
  }

  @Test
  void explicitSourcesThatAreAbsentAreErrors() {
    assertThrows(IllegalStateException.class, () -> read(MemorySource.CGROUP));
    assertThrows(IllegalStateException.class, () -> read(MemorySource.MEMINFO));
  }

  @Test
  void malformedFilesAreErrorsNamingTheFile() throws IOException {
    write("sys/fs/cgroup/memory.max", "lots\n");
    write("sys/fs/cgroup/memory.current", "1\n");

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> read(MemorySource.AUTO));
    assertTrue(e.getMessage().contains("memory.max"), e.getMessage());
  }

  @Test
  void theTestSourceIsNotASystemProbe() {
    assertThrows(
        IllegalArgumentException.class, () -> new SystemMemoryProbe(MemorySource.TEST, root));
  }

  @Test
  void theRealJvmHeapIsMeasured() {
    MemoryFigure heap = SystemMemoryProbe.jvmHeap();
    assertTrue(heap.known());
    assertTrue(heap.usedBytes() > 0 && heap.ratio() < 1.5, heap.toString());
  }
}
