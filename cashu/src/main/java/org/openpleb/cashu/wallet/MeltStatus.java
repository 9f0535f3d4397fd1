package org.openpleb.cashu.wallet;

/** Where a Lightning payment from the wallet stands. */
public enum MeltStatus {
  /** Paid; the inputs are spent and unused fee reserve came back as change. */
  PAID,
  /** Still in flight; the inputs stay held until the mint settles it either way. */
  PENDING,
  /** Not paid; the inputs are spendable again. */
  FAILED
}
