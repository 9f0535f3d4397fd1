package org.openpleb.ee.session;

/** Why a session was closed, kept for the operator and for capacity statistics. */
public enum SessionCloseReason {
  /** It reached its maximum lifetime. */
  EXPIRED,
  /** The user logged out. */
  LOGGED_OUT,
  /** The capacity monitor closed it at EMERGENCY. */
  CAPACITY
}
