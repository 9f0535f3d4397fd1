package org.openpleb.ee.web.wallet;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openpleb.ee.wallet.Deposit;

/**
 * A Lightning deposit: pay {@code invoice} and the server mints the sats into the wallet by itself.
 *
 * @param depositId the deposit, for {@code GET /api/wallet/deposits/{depositId}}
 * @param state PENDING (unpaid), PAID (paid, being minted), CREDITED, EXPIRED or FAILED
 * @param amount sats asked for
 * @param invoice the BOLT11 invoice to pay
 * @param expiresAt when the invoice can no longer be paid, if the mint said
 * @param creditedAmount sats credited, once credited
 * @param creditedAt when it was credited
 */
@Schema(description = "A Lightning deposit: pay the invoice and the server credits the sats")
public record DepositView(
    String depositId,
    DepositState state,
    long amount,
    String invoice,
    OffsetDateTime expiresAt,
    Long creditedAmount,
    OffsetDateTime creditedAt) {

  static DepositView of(Deposit deposit) {
    return new DepositView(
        deposit.id(),
        DepositState.of(deposit.state()),
        deposit.amount(),
        deposit.invoice(),
        deposit.expiresAt().orElse(null),
        deposit.creditedAmount().orElse(null),
        deposit.creditedAt().orElse(null));
  }
}
