package org.openpleb.client.offer;

/** The taker's answer to the maker's issue. */
public enum Answer {
  /** The taker disputes the issue; the admin decides. */
  COUNTER,

  /** The taker gives up: the maker gets the funding back, the taker's bond is forfeited. */
  FORFEIT
}
