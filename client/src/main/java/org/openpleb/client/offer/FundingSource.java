package org.openpleb.client.offer;

/**
 * Where {@code POST /api/offers/{id}/funding} takes the escrow from (Lightning has {@code
 * /invoice}).
 */
public enum FundingSource {
  /** The session wallet's spendable sats. */
  BALANCE,

  /** A Cashu token posted with the request. */
  TOKEN
}
