package org.openpleb.bench.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine the benchmark ran on, as the report states it.
 *
 * @param cores processors available ({@code nproc})
 * @param memoryBytes total memory ({@code MemTotal})
 * @param cpuModel the CPU model name
 * @param kernel the kernel release
 * @param driverJdk the JDK the driver runs on
 */
public record MachineInfo(
    int cores, long memoryBytes, String cpuModel, String kernel, String driverJdk) {

  /** This machine. */
  public static MachineInfo here() {
    long mem = 0;
    String model = "unknown";
    try {
      mem = ProcessProbe.statusKib(Files.readString(Path.of("/proc/meminfo")), "MemTotal:") * 1024;
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          model = line.substring(line.indexOf(':') + 1).trim();
          break;
        }
      }
    } catch (IOException e) {
      // not Linux: the report says "unknown"
    }
    return new MachineInfo(
        Runtime.getRuntime().availableProcessors(),
        mem,
        model,
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
  }

  /** Machine-wide busy and total CPU jiffies from {@code /proc/stat}'s first line. */
  public static long[] cpuJiffies() {
    try {
      String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = first.trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  /** The one-minute load average, or -1 when unknown. */
  public static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
