package org.openpleb.bench.scenario;

import java.nio.file.Path;
import java.util.List;
import org.openpleb.bench.client.ApiClient;
import org.openpleb.bench.report.RunResults.MemoryStep;
import org.openpleb.bench.server.CpuProfile;
import org.openpleb.bench.server.CpuProfiler;
import org.openpleb.bench.server.HeapReading;
import org.openpleb.bench.server.JvmDiagnostics;
import org.openpleb.bench.server.MachineInfo;
import org.openpleb.bench.server.MetricsText;
import org.openpleb.bench.server.ProcessFigures;
import org.openpleb.bench.server.ProcessProbe;
import org.openpleb.bench.server.ProcessTreeProbe;

/**
 * The server being measured and what runs beside it: its HTTP API, its process (memory, CPU, jcmd)
 * and the dev mint's process, whose CPU is reported separately.
 *
 * @param api the server's API
 * @param process the server process
 * @param jvm jcmd access to the server JVM
 * @param mint the dev mint's process, or null when the mint is not ours
 * @param database PostgreSQL's processes, or null when the database is not ours
 * @param walletDir the server's WALLET_DIR, or null when unknown
 */
public record ServerUnderTest(
    ApiClient api,
    ProcessProbe process,
    JvmDiagnostics jvm,
    ProcessProbe mint,
    ProcessTreeProbe database,
    Path walletDir,
    CpuProfiler profiler,
    List<CpuProfile> profiles) {

  /** Profile names the report refers to. */
  public static final String PROFILE_FUNDING = "funding offers by Lightning";

  /** The load level whose latency the p95 target judges. */
  public static final String PROFILE_LOAD = "200 clients, closed loop";

  /** The whole-trade stretch. */
  public static final String PROFILE_TRADES = "whole trades";

  /** Reopening evicted wallets. */
  public static final String PROFILE_REOPEN = "reopening evicted wallets";

  /** A server with no profiles yet. */
  public ServerUnderTest(
      ApiClient api,
      ProcessProbe process,
      JvmDiagnostics jvm,
      ProcessProbe mint,
      ProcessTreeProbe database,
      Path walletDir) {
    this(
        api,
        process,
        jvm,
        mint,
        database,
        walletDir,
        new CpuProfiler(process.pid()),
        java.util.Collections.synchronizedList(new java.util.ArrayList<>()));
  }

  /** Starts a CPU profile of the server (one at a time). */
  public void startProfile(String stretch) {
    profiler.start(stretch);
  }

  /** Stops the running CPU profile and keeps it. */
  public void stopProfile() {
    CpuProfile p = profiler.stop();
    if (p != null) {
      profiles.add(p);
    }
  }

  /** Memory after two full collections, resident memory and CPU now. */
  public MemoryStep measure(String label, long liveSessions, long openWallets) {
    HeapReading heap = jvm.heapAfterFullGc();
    long code = jvm.codeCacheBytes();
    ProcessFigures p = process.read();
    return new MemoryStep(
        label,
        liveSessions,
        openWallets,
        heap.usedBytes(),
        heap.committedBytes(),
        heap.metaspaceUsedBytes(),
        p.rssBytes(),
        p.rssAnonBytes(),
        heap.metaspaceCommittedBytes() + code,
        p.cpuSeconds());
  }

  /** The server's CPU seconds so far. */
  public double serverCpu() {
    return process.cpuSeconds();
  }

  /** The dev mint's CPU seconds so far (0 when it is not ours). */
  public double mintCpu() {
    return mint == null ? 0 : mint.cpuSeconds();
  }

  /** PostgreSQL's CPU seconds so far, all its processes (0 when it is not ours). */
  public double databaseCpu() {
    return database == null ? 0 : database.cpuSeconds();
  }

  /** A scrape of /metrics (empty when it fails). */
  public MetricsText metrics() {
    var r = api.probe("/metrics", "text/plain");
    return MetricsText.parse(r.status() == 200 ? r.body() : "");
  }

  /** CPU figures of everything at one instant, for rates over an interval. */
  public CpuMark cpuMark() {
    long[] machine = MachineInfo.cpuJiffies();
    return new CpuMark(
        System.nanoTime(),
        serverCpu(),
        mintCpu(),
        databaseCpu(),
        driverCpu(),
        machine[0],
        machine[1]);
  }

  /** The driver's own CPU seconds so far. */
  static double driverCpu() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime() / 1e9;
    }
    return 0;
  }

  /**
   * CPU counters at one instant.
   *
   * @param nanoTime the driver's monotonic clock
   * @param server server CPU seconds
   * @param mint dev mint CPU seconds
   * @param database PostgreSQL CPU seconds
   * @param driver driver CPU seconds
   * @param machineBusy machine busy jiffies
   * @param machineTotal machine total jiffies (all cores)
   */
  public record CpuMark(
      long nanoTime,
      double server,
      double mint,
      double database,
      double driver,
      long machineBusy,
      long machineTotal) {

    /** Seconds of wall time since {@code start}. */
    public double secondsSince(CpuMark start) {
      return (nanoTime - start.nanoTime) / 1e9;
    }

    /** Cores the machine kept busy since {@code start}. */
    public double machineBusyCoresSince(CpuMark start, int cores) {
      long total = machineTotal - start.machineTotal;
      return total <= 0 ? 0 : (machineBusy - start.machineBusy) / (double) total * cores;
    }
  }
}
