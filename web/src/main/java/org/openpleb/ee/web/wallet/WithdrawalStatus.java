package org.openpleb.ee.web.wallet;

import org.openpleb.cashu.wallet.MeltStatus;

/**
 * How a Lightning withdrawal went: the values of the wallet's {@link MeltStatus}, repeated in the
 * web module because Payara's OpenAPI generator only describes types of the WAR itself (a unit test
 * keeps both alike).
 */
public enum WithdrawalStatus {
  /** Paid: fee and preimage are known. */
  PAID,
  /** Still in flight: its sats stay in flight until it settles. */
  PENDING,
  /** Not paid; nothing was spent. */
  FAILED;

  static WithdrawalStatus of(MeltStatus status) {
    return valueOf(status.name());
  }
}
