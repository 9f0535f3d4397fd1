/**
 * A session's wallet: balances and dormant wallets, deposits by Lightning (the server credits a
 * paid invoice by itself) and by token, withdrawals as a token or by Lightning. Every request that
 * moves money takes an optional {@code Idempotency-Key}.
 */
package org.openpleb.client.wallet;
