package org.openpleb.devmint;

import java.time.Duration;
import org.openpleb.devmint.ledger.MintTotals;

/**
 * The test knobs of a running dev mint: paying quotes, fake invoices, injected faults, melt
 * outcomes, keyset rotation and the mint clock. The same knobs are reachable over HTTP under {@code
 * /dev/}.
 */
public interface DevMintControl {

  /**
   * Marks an unpaid mint quote PAID, as if its invoice had been paid.
   *
   * @throws IllegalArgumentException if no such quote exists
   */
  void markQuotePaid(String quoteId);

  /** A fresh BOLT11-shaped invoice of the fake node, to melt against. */
  String createInvoice(long sats);

  /** The next {@code count} /v1 requests answer HTTP 500 and change nothing. */
  void failNextRequests(int count);

  /**
   * The next mutating /v1 request (mint, swap, melt) that succeeds is committed, then its response
   * is held back for {@code hang} so the client times out.
   */
  void commitNextThenTimeout(Duration hang);

  /**
   * The next mutating /v1 request that succeeds is committed, then the connection is closed with no
   * response.
   */
  void commitNextThenDrop();

  /** Every /v1 response is delayed by this much (after the request was processed). */
  void setResponseDelay(Duration delay);

  /** What the fake node does with the next melt payments. */
  void setMeltOutcome(MeltOutcome outcome);

  /** The routing fee the fake payments really cost; the rest of the fee reserve is change. */
  void setMeltActualFee(long sats);

  /** Finishes all PENDING melts, successfully or not. */
  void settlePendingMelts(boolean success);

  /**
   * Deactivates the active keyset and creates a new active one.
   *
   * @return the new keyset's id
   */
  String rotateKeyset(long newInputFeePpk);

  /** Whether mint quotes created from now on are paid by the fake payer. */
  void setAutoPay(boolean autoPay);

  /** Moves the mint clock forward, e.g. to expire quotes or to reach a pay delay. */
  void advanceClock(Duration duration);

  /**
   * Sums of what the mint issued, melted, holds pending and saw paid but never minted: the outside
   * view for conservation checks. Reads only.
   */
  MintTotals totals();

  /**
   * Drops every NUT-17 WebSocket of the mint at once, without a close frame, as a broken network
   * would; subscribers must reconnect. Nothing when NUT-17 is off.
   *
   * @return how many sockets were dropped
   */
  int dropSockets();

  /**
   * Makes every open NUT-17 WebSocket of the mint go silent without closing it, as a connection a
   * NAT or a proxy forgot: nothing more is sent on it and its pings go unanswered; subscribers must
   * notice the silence themselves. Sockets opened later are not muted. Nothing when NUT-17 is off.
   *
   * @return how many sockets went silent
   */
  int muteSockets();

  /** Clears all faults: failures, hangs, drops, delay, melt outcome and actual melt fee. */
  void reset();
}
