package org.openpleb.ee.web.offer;

/** The taker's answer to the maker's issue, as {@code POST /api/offers/{id}/answer} takes it. */
public enum IssueResponse {
  /** The taker disputes the issue; the admin decides. */
  COUNTER,
  /** The taker gives up: the maker gets the funding back, the taker's bond is forfeited. */
  FORFEIT
}
