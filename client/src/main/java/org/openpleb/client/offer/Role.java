package org.openpleb.client.offer;

/** Who the caller is to an offer. */
public enum Role {
  /** The user who created the offer. */
  MAKER,

  /** The user who claimed it. */
  TAKER,

  /** The operator. */
  ADMIN
}
