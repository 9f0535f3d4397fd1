package org.openpleb.ee.capacity;

/** Work the monitor asks of the {@link CapacityActions} implementations after a check. */
public enum ReliefAction {
  /** Close expired sessions and idle wallets now, without waiting for the cleanup timer. */
  AGGRESSIVE_CLEANUP,
  /** Force-close idle sessions without open trades and evict every unpinned wallet. */
  EMERGENCY_RELIEF
}
