package org.openpleb.ee.session;

/** Whether a session's token still works. */
public enum SessionState {
  /** The token works until the session's expiry. */
  LIVE,
  /** The token no longer works; the wallet handle has been released. */
  CLOSED
}
