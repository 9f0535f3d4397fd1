package org.openpleb.ee.offer;

/**
 * Who acts on an offer: its maker, a taker, the admin, or the platform itself (watchers, timers).
 */
public enum Role {
  /** The user who created the offer. */
  MAKER,
  /** The user who claims, or claimed, the offer. */
  TAKER,
  /** The operator resolving disputes. */
  ADMIN,
  /** The platform's own jobs: the invoice watcher and the deadline sweeper. */
  SYSTEM
}
