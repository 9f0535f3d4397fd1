/**
 * FakeWallet Lightning: it issues BOLT11 invoices signed with a node key derived from the mint's
 * seed and "pays" invoices without touching any network. The amounts in the invoices' prefixes are
 * exact, because wallets such as cashu-ts check them against the quote.
 */
package org.openpleb.devmint.lightning;
