package org.openpleb.ee.wallet;

/**
 * Every open wallet handle stayed in use for as long as a caller could wait, so no wallet could be
 * opened for it. Transient: the caller should try again shortly.
 */
public class HandlesExhaustedException extends RuntimeException {

  private final int capacity;

  /** All {@code capacity} handles were pinned. */
  public HandlesExhaustedException(int capacity) {
    super("All " + capacity + " wallet handles are in use");
    this.capacity = capacity;
  }

  /** The cache size that was exhausted. */
  public int capacity() {
    return capacity;
  }
}
