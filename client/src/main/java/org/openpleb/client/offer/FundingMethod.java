package org.openpleb.client.offer;

/** How the maker put the escrow up. */
public enum FundingMethod {
  /** A Lightning invoice the server watched. */
  LIGHTNING,

  /** Sats already spendable in the maker's wallet. */
  BALANCE,

  /** A Cashu token the maker posted. */
  TOKEN
}
