package org.openpleb.bench.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU time of a process and all its descendants, for servers that work in child processes, as
 * PostgreSQL does (one backend per connection): the root's own and reaped children's time ({@code
 * utime + stime + cutime + cstime}) plus every living descendant's {@code utime + stime}.
 */
public final class ProcessTreeProbe {

  private final long root;
  private final Path proc;
  private final double ticksPerSecond;

  /** A probe of the tree under {@code root} in the real {@code /proc}, at 100 ticks a second. */
  public ProcessTreeProbe(long root) {
    this(root, Path.of("/proc"), 100);
  }

  /** A probe below {@code proc} (tests give a fake tree). */
  public ProcessTreeProbe(long root, Path proc, double ticksPerSecond) {
    this.root = root;
    this.proc = proc;
    this.ticksPerSecond = ticksPerSecond;
  }

  /** CPU seconds of the whole tree so far; 0 when the root is gone. */
  public double cpuSeconds() {
    List<long[]> all = new ArrayList<>(); // {pid, ppid, own ticks, reaped children ticks}
    try (Stream<Path> entries = Files.list(proc)) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        String name = p.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String stat = Files.readString(p.resolve("stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
          // f[k] is field k + 3: ppid 4, utime 14, stime 15, cutime 16, cstime 17
          all.add(
              new long[] {
                Long.parseLong(name),
                Long.parseLong(f[1]),
                Long.parseLong(f[11]) + Long.parseLong(f[12]),
                Long.parseLong(f[13]) + Long.parseLong(f[14])
              });
        } catch (IOException | RuntimeException e) {
          // the process ended while we looked
        }
      }
    } catch (IOException e) {
      return 0;
    }
    Set<Long> tree = new HashSet<>();
    tree.add(root);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (long[] p : all) {
        if (!tree.contains(p[0]) && tree.contains(p[1])) {
          tree.add(p[0]);
          grew = true;
        }
      }
    }
    long ticks = 0;
    for (long[] p : all) {
      if (p[0] == root) {
        ticks += p[2] + p[3];
      } else if (tree.contains(p[0])) {
        ticks += p[2];
      }
    }
    return ticks / ticksPerSecond;
  }
}
