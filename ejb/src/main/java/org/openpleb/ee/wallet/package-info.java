/**
 * Session wallets: one Cashu wallet per session in its own SQLite file, seeded from the master
 * secret and the wallet id, opened lazily as a {@link org.openpleb.ee.wallet.SessionWallet} handle
 * and held by the {@link org.openpleb.ee.wallet.WalletRegistry} in a bounded LRU that never closes
 * a handle in use. The {@link org.openpleb.ee.wallet.Cashier} moves money in and out, a server-side
 * watcher credits paid Lightning deposits, and the wallet of an ended session stays dormant while
 * it holds value.
 */
package org.openpleb.ee.wallet;
