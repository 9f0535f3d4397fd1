package org.openpleb.client.offer;

/** The maker's verdict on the taker's receipt. */
public enum Verdict {
  /** The fiat arrived: the trade completes and settles at once. */
  APPROVE,

  /** It did not, or not in full: the taker is asked to answer. */
  ISSUE
}
