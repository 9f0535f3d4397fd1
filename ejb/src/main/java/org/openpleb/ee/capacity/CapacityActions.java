package org.openpleb.ee.capacity;

/**
 * Relief work a feature does when capacity runs short; the monitor calls every bean implementing
 * it.
 *
 * <p>The session feature closes sessions, the wallet registry closes wallet handles. Each method
 * has a default that does nothing, so a feature implements only what it can contribute. Calls come
 * from the monitor's timer thread outside any transaction; a failure in one implementation is
 * logged and does not stop the others.
 */
public interface CapacityActions {

  /**
   * Called once when the level rises to CRITICAL (or straight to EMERGENCY): run the periodic
   * cleanup now instead of waiting for its timer, e.g. close expired sessions and idle wallets.
   */
  default void aggressiveCleanup() {}

  /**
   * Called when the level rises to EMERGENCY and again at every check while it lasts: force-close
   * idle sessions without open trades and evict every unpinned wallet handle.
   */
  default void emergencyRelief() {}
}
