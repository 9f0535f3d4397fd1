package org.openpleb.ee.wallet;

import java.util.Optional;

/**
 * A wallet kept outside the wallet table (the treasury's) whose tokens in flight the {@link
 * InflightSweep} settles too. The feature that owns it says whether its last snapshot counts sats
 * in flight and where the balance read after the sweep goes.
 */
public interface InflightHolder {

  /** The wallet's id, if its last balance snapshot counts sats in flight. */
  Optional<String> walletWithInflight();

  /** Writes the balance read after the sweep settled what the mint reports redeemed. */
  void record(String walletId, BalanceReading reading);
}
