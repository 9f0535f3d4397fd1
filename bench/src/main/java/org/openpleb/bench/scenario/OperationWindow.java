package org.openpleb.bench.scenario;

/**
 * What a measured window cost: the wall time between two {@link ServerUnderTest.CpuMark}s, the CPU
 * seconds server, dev mint and PostgreSQL spent in it, and the operations completed in it. Every
 * per-operation and per-second figure of the side-by-side workload comes from here, so a window
 * with no operations (or no time) reads 0 instead of dividing by zero.
 *
 * @param seconds wall time of the window
 * @param serverCpuSeconds server CPU spent in the window
 * @param mintCpuSeconds dev mint CPU spent in the window
 * @param databaseCpuSeconds PostgreSQL CPU (all its processes) spent in the window
 * @param operations operations completed in the window
 */
public record OperationWindow(
    double seconds,
    double serverCpuSeconds,
    double mintCpuSeconds,
    double databaseCpuSeconds,
    long operations) {

  /** The window between {@code start} and {@code end} in which {@code operations} completed. */
  public static OperationWindow between(
      ServerUnderTest.CpuMark start, ServerUnderTest.CpuMark end, long operations) {
    if (end.nanoTime() < start.nanoTime()) {
      throw new IllegalArgumentException("the window ends before it starts");
    }
    if (operations < 0) {
      throw new IllegalArgumentException("operations must not be negative: " + operations);
    }
    return new OperationWindow(
        end.secondsSince(start),
        // a counter read from /proc never goes back; a process that ended reads 0, so clamp
        Math.max(0, end.server() - start.server()),
        Math.max(0, end.mint() - start.mint()),
        Math.max(0, end.database() - start.database()),
        operations);
  }

  /** Operations per second of wall time (0 for an empty window). */
  public double perSecond() {
    return seconds > 0 ? operations / seconds : 0;
  }

  /** Server CPU milliseconds per operation (0 when none completed). */
  public double serverMillisPerOperation() {
    return perOperation(serverCpuSeconds);
  }

  /** Dev mint CPU milliseconds per operation (0 when none completed). */
  public double mintMillisPerOperation() {
    return perOperation(mintCpuSeconds);
  }

  /** PostgreSQL CPU milliseconds per operation (0 when none completed). */
  public double databaseMillisPerOperation() {
    return perOperation(databaseCpuSeconds);
  }

  /** Server CPU milliseconds per second of wall time: the background rate of an idle window. */
  public double serverMillisPerSecond() {
    return perWallSecond(serverCpuSeconds);
  }

  /** PostgreSQL CPU milliseconds per second of wall time. */
  public double databaseMillisPerSecond() {
    return perWallSecond(databaseCpuSeconds);
  }

  /** Dev mint CPU milliseconds per second of wall time. */
  public double mintMillisPerSecond() {
    return perWallSecond(mintCpuSeconds);
  }

  private double perOperation(double cpuSeconds) {
    return operations > 0 ? cpuSeconds * 1000 / operations : 0;
  }

  private double perWallSecond(double cpuSeconds) {
    return seconds > 0 ? cpuSeconds * 1000 / seconds : 0;
  }
}
