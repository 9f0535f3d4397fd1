package org.openpleb.client.offer;

/** The admin's decision on a dispute; the platform keeps its fee on every path. */
public enum Resolution {
  /** The maker gets S + T + 2B. */
  MAKER_WINS,

  /** The taker gets S + T + 2B. */
  TAKER_WINS,

  /** Half each, the odd sat to the platform. */
  SPLIT,

  /** Each party gets its own stake back: the maker S + T + B, the taker B. */
  RETURN
}
