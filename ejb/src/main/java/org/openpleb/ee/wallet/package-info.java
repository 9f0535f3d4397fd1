/**
 * Session wallets: one Cashu wallet per session, opened lazily and held in a bounded LRU of
 * handles. This issue holds the registry's settings; the registry and handles build on them.
 */
package org.openpleb.ee.wallet;
