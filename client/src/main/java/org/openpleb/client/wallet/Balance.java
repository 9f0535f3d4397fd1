package org.openpleb.client.wallet;

/**
 * A wallet's balance in sats.
 *
 * @param spendable ready to spend or withdraw
 * @param reserved set aside for running trades
 * @param inflight in operations or withdrawn tokens not yet claimed
 */
public record Balance(long spendable, long reserved, long inflight) {}
