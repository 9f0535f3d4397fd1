/**
 * The wallet API of a session: balances and dormant wallets (read from snapshots, no wallet is
 * opened), Lightning and token deposits, token and Lightning withdrawals. Every request that moves
 * money accepts an {@code Idempotency-Key}, and a retry gets the first answer again.
 */
package org.openpleb.ee.web.wallet;
