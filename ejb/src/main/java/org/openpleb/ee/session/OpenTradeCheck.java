package org.openpleb.ee.session;

/**
 * Tells the session feature whether a session takes part in a running trade, so EMERGENCY relief
 * never force-closes it (its wallet holds escrow or a bond the trade still needs).
 *
 * <p>The trading feature implements it as a CDI bean. Until one is deployed every session counts as
 * having no open trades, which is true while trades do not exist. With several implementations a
 * session is kept if any of them says so, and an implementation that fails counts as "has open
 * trades": when in doubt, a session is not shed.
 */
public interface OpenTradeCheck {

  /** Whether the session of {@code pubkey} with wallet {@code walletId} has an unfinished trade. */
  boolean hasOpenTrades(String sessionId, String pubkey, String walletId);
}
