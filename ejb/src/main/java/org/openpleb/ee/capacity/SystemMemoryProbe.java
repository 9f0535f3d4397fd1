package org.openpleb.ee.capacity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Reads the server's memory the way the kernel accounts it: the cgroup of this process (v2 {@code
 * memory.max}/{@code memory.current}, or v1 {@code memory.limit_in_bytes}/{@code
 * memory.usage_in_bytes}), else {@code /proc/meminfo} (MemTotal against MemAvailable), plus the JVM
 * heap as a second signal.
 *
 * <p>All files are read below a configurable root ({@code /} in production) so tests can feed fake
 * cgroup and meminfo trees. A cgroup without a limit ({@code max} in v2, a huge number in v1, or
 * anything at least as large as MemTotal) says nothing about the room left, so the probe falls back
 * to meminfo. Cgroup usage counts the page cache; the inactive file cache ({@code inactive_file} in
 * {@code memory.stat}) is reclaimable without pressure, so it is subtracted, as container runtimes
 * do for their "working set" (otherwise SQLite file caching alone would read as an emergency).
 */
public final class SystemMemoryProbe implements MemoryProbe {

  /** v1 reports "no limit" as a page-rounded Long.MAX_VALUE; anything this large is unlimited. */
  private static final long UNLIMITED_FLOOR = 1L << 62;

  private final MemorySource source;
  private final Path root;
  private final Supplier<MemoryFigure> heap;

  /** A probe of this JVM's heap and the machine files below {@code root}. */
  public SystemMemoryProbe(MemorySource source, Path root) {
    this(source, root, SystemMemoryProbe::jvmHeap);
  }

  /** A probe with an explicit heap signal, for tests. */
  SystemMemoryProbe(MemorySource source, Path root, Supplier<MemoryFigure> heap) {
    this.source = Objects.requireNonNull(source, "source");
    this.root = Objects.requireNonNull(root, "root");
    this.heap = Objects.requireNonNull(heap, "heap");
    if (source == MemorySource.TEST) {
      throw new IllegalArgumentException("the test memory source is the AdjustableMemoryProbe");
    }
  }

  @Override
  public MemoryReading read() {
    MemoryFigure heapFigure = heap.get();
    Optional<MemoryReading> machine =
        switch (source) {
          case HEAP -> Optional.empty();
          case MEMINFO -> Optional.of(requireMeminfo(heapFigure));
          case CGROUP -> Optional.of(cgroupOrMeminfo(heapFigure, true));
          case AUTO -> Optional.of(cgroupOrMeminfo(heapFigure, false));
          case TEST -> throw new IllegalStateException("unreachable");
        };
    return machine.orElseGet(() -> new MemoryReading("heap", MemoryFigure.UNKNOWN, heapFigure));
  }

  private MemoryReading cgroupOrMeminfo(MemoryFigure heapFigure, boolean cgroupRequired) {
    Optional<CgroupMemory> cgroup = cgroupV2().or(this::cgroupV1);
    if (cgroup.isEmpty() && cgroupRequired) {
      throw new IllegalStateException(
          "no cgroup memory controller below " + root.resolve("sys/fs/cgroup"));
    }
    Optional<MemoryFigure> meminfo = meminfo();
    if (cgroup.isPresent()) {
      CgroupMemory c = cgroup.get();
      boolean unlimited =
          c.limit().isEmpty()
              || c.limit().getAsLong() >= UNLIMITED_FLOOR
              || meminfo.map(m -> c.limit().getAsLong() >= m.limitBytes()).orElse(false);
      if (!unlimited) {
        long used = Math.max(0, c.usage() - c.inactiveFile());
        return new MemoryReading(
            c.version(), new MemoryFigure(used, c.limit().getAsLong()), heapFigure);
      }
    }
    return meminfo
        .map(m -> new MemoryReading("meminfo", m, heapFigure))
        .orElseGet(() -> new MemoryReading("heap", MemoryFigure.UNKNOWN, heapFigure));
  }

  private MemoryReading requireMeminfo(MemoryFigure heapFigure) {
    MemoryFigure m =
        meminfo()
            .orElseThrow(
                () -> new IllegalStateException("cannot read " + root.resolve("proc/meminfo")));
    return new MemoryReading("meminfo", m, heapFigure);
  }

  private record CgroupMemory(String version, OptionalLong limit, long usage, long inactiveFile) {}

  private Optional<CgroupMemory> cgroupV2() {
    Path mount = root.resolve("sys/fs/cgroup");
    for (Path dir : candidates(mount, ownCgroupPath(true))) {
      Path max = dir.resolve("memory.max");
      Path current = dir.resolve("memory.current");
      if (Files.isRegularFile(max) && Files.isRegularFile(current)) {
        String limit = firstLine(max);
        OptionalLong parsedLimit =
            "max".equals(limit) ? OptionalLong.empty() : OptionalLong.of(parseBytes(limit, max));
        return Optional.of(
            new CgroupMemory(
                "cgroup2",
                parsedLimit,
                parseBytes(firstLine(current), current),
                statValue(dir.resolve("memory.stat"), "inactive_file")));
      }
    }
    return Optional.empty();
  }

  private Optional<CgroupMemory> cgroupV1() {
    Path mount = root.resolve("sys/fs/cgroup/memory");
    for (Path dir : candidates(mount, ownCgroupPath(false))) {
      Path limit = dir.resolve("memory.limit_in_bytes");
      Path usage = dir.resolve("memory.usage_in_bytes");
      if (Files.isRegularFile(limit) && Files.isRegularFile(usage)) {
        Path stat = dir.resolve("memory.stat");
        long inactive = statValue(stat, "total_inactive_file");
        if (inactive == 0) {
          inactive = statValue(stat, "inactive_file");
        }
        return Optional.of(
            new CgroupMemory(
                "cgroup1",
                OptionalLong.of(parseBytes(firstLine(limit), limit)),
                parseBytes(firstLine(usage), usage),
                inactive));
      }
    }
    return Optional.empty();
  }

  /**
   * The process's own cgroup directory first, then the mount root: inside a container the own path
   * names the host's hierarchy and does not exist, and the mount root is the container's cgroup.
   */
  private static List<Path> candidates(Path mount, Optional<String> ownPath) {
    return ownPath
        .filter(p -> !p.isEmpty() && !"/".equals(p))
        .map(p -> List.of(mount.resolve(p.substring(1)), mount))
        .orElse(List.of(mount));
  }

  /**
   * The path of this process's cgroup from {@code /proc/self/cgroup}: the {@code 0::} line for v2,
   * the line whose controller list holds {@code memory} for v1.
   */
  private Optional<String> ownCgroupPath(boolean v2) {
    Path file = root.resolve("proc/self/cgroup");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    for (String line : lines(file)) {
      String[] parts = line.split(":", 3);
      if (parts.length < 3) {
        continue;
      }
      boolean matches =
          v2
              ? "0".equals(parts[0]) && parts[1].isEmpty()
              : List.of(parts[1].split(",")).contains("memory");
      if (matches && parts[2].startsWith("/")) {
        return Optional.of(parts[2]);
      }
    }
    return Optional.empty();
  }

  /**
   * MemTotal against MemTotal minus MemAvailable. Kernels before 3.14 lack MemAvailable; there
   * MemFree + Buffers + Cached is the usual estimate of what can be had without swapping.
   */
  private Optional<MemoryFigure> meminfo() {
    Path file = root.resolve("proc/meminfo");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    OptionalLong total = OptionalLong.empty();
    OptionalLong available = OptionalLong.empty();
    long free = 0;
    long buffers = 0;
    long cached = 0;
    for (String line : lines(file)) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).trim();
      switch (key) {
        case "MemTotal" -> total = OptionalLong.of(meminfoBytes(line, colon, file));
        case "MemAvailable" -> available = OptionalLong.of(meminfoBytes(line, colon, file));
        case "MemFree" -> free = meminfoBytes(line, colon, file);
        case "Buffers" -> buffers = meminfoBytes(line, colon, file);
        case "Cached" -> cached = meminfoBytes(line, colon, file);
        default -> {
          // other fields do not enter the ratio
        }
      }
    }
    if (total.isEmpty() || total.getAsLong() == 0) {
      throw new IllegalStateException("no MemTotal in " + file);
    }
    long limit = total.getAsLong();
    long avail = available.orElse(free + buffers + cached);
    return Optional.of(new MemoryFigure(Math.max(0, limit - Math.min(avail, limit)), limit));
  }

  /** A meminfo value such as {@code "MemTotal: 16314196 kB"}, in bytes. */
  private static long meminfoBytes(String line, int colon, Path file) {
    String[] value = line.substring(colon + 1).trim().split("\\s+");
    long amount = parseBytes(value[0], file);
    if (value.length > 1 && "kB".equals(value[1])) {
      return Math.multiplyExact(amount, 1024L);
    }
    return amount;
  }

  /** A value from a {@code memory.stat} file; 0 if the file or the key is absent. */
  private static long statValue(Path stat, String key) {
    if (!Files.isRegularFile(stat)) {
      return 0;
    }
    for (String line : lines(stat)) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length == 2 && parts[0].equals(key)) {
        return parseBytes(parts[1], stat);
      }
    }
    return 0;
  }

  private static long parseBytes(String text, Path file) {
    try {
      long value = Long.parseLong(text.trim());
      if (value < 0) {
        throw new NumberFormatException("negative");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalStateException("unexpected value '" + text + "' in " + file, e);
    }
  }

  private static String firstLine(Path file) {
    List<String> lines = lines(file);
    if (lines.isEmpty()) {
      throw new IllegalStateException("empty file " + file);
    }
    return lines.get(0).trim();
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The JVM heap: used against the maximum, or against committed when no maximum is set. */
  static MemoryFigure jvmHeap() {
    MemoryUsage usage = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    long limit = usage.getMax() > 0 ? usage.getMax() : usage.getCommitted();
    return new MemoryFigure(usage.getUsed(), Math.max(0, limit));
  }

  @Override
  public String toString() {
    return "SystemMemoryProbe[" + source.configValue() + " below " + root + "]";
  }
}
