package org.openpleb.ee.session;

/**
 * Tells the session feature whether a session's wallet holds money, so capacity relief closes
 * sessions with a balance only after every session with nothing to lose.
 *
 * <p>The wallet feature implements it as a CDI bean. An implementation that fails counts as "holds
 * funds": when in doubt, a session is not shed early.
 */
public interface SessionHoldings {

  /** Whether the wallet {@code walletId} of the session holds any sats. */
  boolean holdsFunds(String sessionId, String pubkey, String walletId);
}
