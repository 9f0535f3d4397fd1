package org.openpleb.ee.web.offer;

/**
 * Where {@code POST /api/offers/{id}/funding} takes the escrow from. Lightning funding has its own
 * endpoint ({@code /invoice}), so it is not a value here.
 */
public enum FundingSource {
  /** The session wallet's spendable sats. */
  BALANCE,
  /** A Cashu token posted with the request, received into the session wallet first. */
  TOKEN
}
