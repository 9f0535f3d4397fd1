package org.openpleb.client.treasury;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The treasury as the admin sees it.
 *
 * @param walletId the treasury's wallet
 * @param spendable sats the admin can withdraw
 * @param reserved sats set aside (none in normal operation)
 * @param inflight sats in withdrawn tokens nobody redeemed yet
 * @param readAt when the balance was read
 * @param settledPlatformShare sats finished settlements gave the platform (before mint fees)
 * @param withdrawn sats withdrawn so far, fees included
 * @param latestWithdrawals the latest withdrawals, newest first
 */
public record TreasuryOverview(
    String walletId,
    long spendable,
    long reserved,
    long inflight,
    OffsetDateTime readAt,
    long settledPlatformShare,
    long withdrawn,
    List<Withdrawal> latestWithdrawals) {

  /**
   * One withdrawal.
   *
   * @param id its id
   * @param admin who took it
   * @param amount sats in the token
   * @param fee mint fee paid
   * @param at when
   */
  public record Withdrawal(String id, String admin, long amount, long fee, OffsetDateTime at) {}
}
