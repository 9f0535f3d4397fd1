/**
 * The wallet's durable memory: keysets, NUT-13 counters, proofs with their state, quotes and the
 * operation journal. {@link org.openpleb.cashu.store.WalletStore} is the port the wallet core
 * depends on; {@link org.openpleb.cashu.store.SqliteWalletStore} keeps it in one SQLite file per
 * wallet with single-writer transactions. Everything the wallet must not forget after a crash is
 * committed here before the mint is asked.
 */
package org.openpleb.cashu.store;
