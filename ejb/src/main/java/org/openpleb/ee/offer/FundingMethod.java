package org.openpleb.ee.offer;

/** How the maker put the escrow up. */
public enum FundingMethod {
  /** A Lightning invoice (a mint quote) the server watched and minted into the maker's wallet. */
  LIGHTNING,
  /** Sats already spendable in the maker's wallet. */
  BALANCE,
  /** A Cashu token the maker posted, received into the maker's wallet. */
  TOKEN
}
