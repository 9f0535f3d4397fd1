package org.openpleb.ee.wallet;

import java.time.OffsetDateTime;

/**
 * A wallet's balance read from its open file at one instant. The instant orders readings, so a
 * slower request cannot overwrite a newer balance snapshot with an older one.
 *
 * @param balance what the wallet held
 * @param at when it was read (microsecond precision, as the database stores it)
 */
public record BalanceReading(WalletBalance balance, OffsetDateTime at) {}
