package org.openpleb.client.wallet;

import java.time.OffsetDateTime;

/**
 * A wallet of one of the caller's ended sessions that still holds value; name its {@code walletId}
 * in a withdrawal to take the sats out.
 *
 * @param walletId the dormant wallet
 * @param spendable sats ready to withdraw
 * @param reserved sats reserved for running trades
 * @param inflight sats in flight
 * @param dormantSince when its session ended
 */
public record DormantWallet(
    String walletId, long spendable, long reserved, long inflight, OffsetDateTime dormantSince) {}
