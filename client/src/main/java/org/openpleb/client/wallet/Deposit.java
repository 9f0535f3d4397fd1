package org.openpleb.client.wallet;

import java.time.OffsetDateTime;

/**
 * A Lightning deposit: pay {@code invoice} and the server mints the sats into the wallet by itself.
 *
 * @param depositId the deposit
 * @param state where it stands
 * @param amount sats asked for
 * @param invoice the BOLT11 invoice to pay
 * @param expiresAt when the invoice can no longer be paid, if the mint said
 * @param creditedAmount sats credited, once credited
 * @param creditedAt when it was credited
 */
public record Deposit(
    String depositId,
    DepositState state,
    long amount,
    String invoice,
    OffsetDateTime expiresAt,
    Long creditedAmount,
    OffsetDateTime creditedAt) {}
