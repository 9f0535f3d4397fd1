package org.openpleb.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a process's resident memory from {@code /proc/<pid>/status} and its CPU time from {@code
 * /proc/<pid>/stat} (utime + stime, in clock ticks of {@code ticksPerSecond}).
 */
public final class ProcessProbe {

  private final long pid;
  private final Path proc;
  private final double ticksPerSecond;

  /** A probe of process {@code pid} below the real {@code /proc}, at 100 ticks per second. */
  public ProcessProbe(long pid) {
    this(pid, Path.of("/proc"), 100);
  }

  /** A probe below {@code proc} (tests give a fake tree). */
  public ProcessProbe(long pid, Path proc, double ticksPerSecond) {
    this.pid = pid;
    this.proc = proc;
    this.ticksPerSecond = ticksPerSecond;
  }

  /** The process id. */
  public long pid() {
    return pid;
  }

  /** Whether the process still exists. */
  public boolean alive() {
    return Files.isRegularFile(proc.resolve(Long.toString(pid)).resolve("stat"));
  }

  /** Memory and CPU now. */
  public ProcessFigures read() {
    String status = readFile("status");
    String stat = readFile("stat");
    return new ProcessFigures(
        statusKib(status, "VmRSS:") * 1024,
        statusKib(status, "RssAnon:") * 1024,
        statusKib(status, "VmHWM:") * 1024,
        cpuTicks(stat) / ticksPerSecond);
  }

  /** CPU seconds (user + system) now. */
  public double cpuSeconds() {
    return cpuTicks(readFile("stat")) / ticksPerSecond;
  }

  /** A {@code Name: N kB} line of a status file, in KiB; 0 when absent. */
  static long statusKib(String status, String key) {
    for (String line : status.split("\n")) {
      if (line.startsWith(key)) {
        String[] parts = line.substring(key.length()).trim().split("\\s+");
        return Long.parseLong(parts[0]);
      }
    }
    return 0;
  }

  /**
   * utime + stime of a stat line. The command name (field 2) is in parentheses and may itself hold
   * spaces and parentheses, so fields are counted after its last closing parenthesis: state is
   * field 3, utime field 14 and stime field 15.
   */
  static long cpuTicks(String stat) {
    String afterName = stat.substring(stat.lastIndexOf(')') + 2);
    String[] fields = afterName.trim().split("\\s+");
    // fields[0] is field 3 (state), so field k is fields[k - 3]
    return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
  }

  private String readFile(String name) {
    try {
      return Files.readString(proc.resolve(Long.toString(pid)).resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/" + pid + "/" + name, e);
    }
  }
}
