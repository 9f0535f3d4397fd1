package org.openpleb.ee.capacity;

import java.util.Locale;

/** Where the capacity monitor reads the machine's memory from ({@code CAPACITY_MEMORY_SOURCE}). */
public enum MemorySource {
  /** The cgroup limit if one is set, otherwise {@code /proc/meminfo}, otherwise the heap alone. */
  AUTO,
  /** The cgroup (v2 or v1) must exist; an unlimited cgroup falls back to {@code /proc/meminfo}. */
  CGROUP,
  /** {@code /proc/meminfo} must exist; cgroups are ignored. */
  MEMINFO,
  /** Only the JVM heap; no machine figure. */
  HEAP,
  /** The reading set through {@link AdjustableMemoryProbe}; for integration tests only. */
  TEST;

  /** The source named by a configuration value, ignoring case. */
  public static MemorySource parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown memory source '" + value + "', expected auto, cgroup, meminfo, heap or test", e);
    }
  }

  /** The configuration spelling of this source. */
  public String configValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
