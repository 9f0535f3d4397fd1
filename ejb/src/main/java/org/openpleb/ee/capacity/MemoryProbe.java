package org.openpleb.ee.capacity;

/**
 * A source of memory readings for the capacity monitor.
 *
 * <p>The production probe is {@link SystemMemoryProbe}; {@link AdjustableMemoryProbe} lets tests
 * set the reading. Which one the monitor uses is chosen by {@code CAPACITY_MEMORY_SOURCE}.
 */
public interface MemoryProbe {

  /**
   * Reads memory now.
   *
   * @throws IllegalStateException if the configured source cannot be read or makes no sense
   */
  MemoryReading read();
}
