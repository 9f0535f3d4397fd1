package org.openpleb.ee.capacity;

import java.util.Objects;

/**
 * What the server's memory looks like at one moment: the machine (cgroup or the kernel's view) and
 * the JVM heap, either of which can run out first.
 *
 * @param source where the machine figure came from: {@code cgroup2}, {@code cgroup1}, {@code
 *     meminfo}, {@code heap} (no machine figure) or {@code test}
 * @param machine memory of the container or host; {@link MemoryFigure#UNKNOWN} if not measured
 * @param heap JVM heap used against its maximum; {@link MemoryFigure#UNKNOWN} if not measured
 */
public record MemoryReading(String source, MemoryFigure machine, MemoryFigure heap) {

  public MemoryReading {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(heap, "heap");
  }

  /** A reading with nothing measured, used before the first check. */
  public static MemoryReading none() {
    return new MemoryReading("none", MemoryFigure.UNKNOWN, MemoryFigure.UNKNOWN);
  }

  /** The ratio the capacity level follows: the larger of the machine and heap ratios. */
  public double ratio() {
    return Math.max(machine.ratio(), heap.ratio());
  }
}
