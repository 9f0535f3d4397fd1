/**
 * The wallet's durable memory: one SQLite file per wallet holding keysets, NUT-13 counters, proofs
 * with their state, quotes and the operation journal. {@link
 * org.openpleb.cashu.store.SqliteWalletStore} gives the wallet core single-writer transactions;
 * everything the wallet must not forget after a crash is committed here before the mint is asked.
 */
package org.openpleb.cashu.store;
