package org.openpleb.ee.capacity;

/**
 * How close the server is to running out of room, from calm to overloaded.
 *
 * <p>The order of the constants is the order of severity; {@link #severity()} is the value the
 * {@code capacity_level} gauge reports.
 */
public enum CapacityLevel {
  /** Plenty of room; nothing to do. */
  NORMAL,
  /** Room is getting scarce; operators are told, nothing else changes. */
  WARNING,
  /** New sessions get a shorter lifetime and an aggressive cleanup runs. */
  CRITICAL,
  /** New sessions are refused, idle sessions and wallets are shed, readiness goes DOWN. */
  EMERGENCY;

  /** The gauge value: 0 for NORMAL up to 3 for EMERGENCY. */
  public int severity() {
    return ordinal();
  }

  /** Whether a login may open a new session at this level. */
  public boolean admitsNewSessions() {
    return this != EMERGENCY;
  }

  /** Whether new sessions get the shortened lifetime at this level. */
  public boolean shortensNewSessions() {
    return compareTo(CRITICAL) >= 0;
  }

  /** Whether this level is more severe than {@code other}. */
  public boolean isAbove(CapacityLevel other) {
    return compareTo(other) > 0;
  }

  /** The more severe of two levels. */
  public static CapacityLevel max(CapacityLevel a, CapacityLevel b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** The level with the given severity, 0 to 3. */
  public static CapacityLevel ofSeverity(int severity) {
    CapacityLevel[] levels = values();
    if (severity < 0 || severity >= levels.length) {
      throw new IllegalArgumentException("no capacity level with severity " + severity);
    }
    return levels[severity];
  }
}
