package org.openpleb.ee.web.offer;

/**
 * The maker's verdict on the taker's receipt, as {@code POST /api/offers/{id}/feedback} takes it.
 */
public enum Verdict {
  /** The fiat arrived: the trade completes and settles at once. */
  APPROVE,
  /** It did not, or not in full: the taker is asked to answer. */
  ISSUE
}
