package org.openpleb.client.wallet;

/** Where a Lightning withdrawal stands. */
public enum WithdrawalStatus {
  /** Paid; unused fee reserve came back as change. */
  PAID,
  /** Still in flight: its sats stay in flight until the mint settles it either way. */
  PENDING,
  /** Not paid; nothing was spent. */
  FAILED
}
