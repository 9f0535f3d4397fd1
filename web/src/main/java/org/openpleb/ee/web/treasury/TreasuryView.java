package org.openpleb.ee.web.treasury;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openpleb.ee.treasury.TreasuryOverview;

/**
 * The treasury as the admin sees it, field for field the treasury's {@link TreasuryOverview}: a
 * type of the WAR, so Payara's OpenAPI generator describes it (it does not read the EJB jar).
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
@Schema(description = "The treasury's balance now, what settlements gave it and what was withdrawn")
public record TreasuryView(
    String walletId,
    long spendable,
    long reserved,
    long inflight,
    OffsetDateTime readAt,
    long settledPlatformShare,
    long withdrawn,
    List<TreasuryWithdrawal> latestWithdrawals) {

  static TreasuryView of(TreasuryOverview overview) {
    return new TreasuryView(
        overview.walletId(),
        overview.spendable(),
        overview.reserved(),
        overview.inflight(),
        overview.readAt(),
        overview.settledPlatformShare(),
        overview.withdrawn(),
        overview.latestWithdrawals().stream().map(TreasuryWithdrawal::of).toList());
  }

  /**
   * One withdrawal from the treasury.
   *
   * @param id its id
   * @param admin who took it
   * @param amount sats in the token
   * @param fee mint fee paid
   * @param at when
   */
  @Schema(description = "One withdrawal from the treasury")
  public record TreasuryWithdrawal(
      String id, String admin, long amount, long fee, OffsetDateTime at) {

    static TreasuryWithdrawal of(TreasuryOverview.Withdrawal withdrawal) {
      return new TreasuryWithdrawal(
          withdrawal.id(),
          withdrawal.admin(),
          withdrawal.amount(),
          withdrawal.fee(),
          withdrawal.at());
    }
  }
}
