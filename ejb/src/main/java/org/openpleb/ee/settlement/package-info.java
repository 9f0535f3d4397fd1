/**
 * Settlement: who gets what when a trade ends (OpenPleb's payout table, kept to the sat), the
 * transfers between the maker's, the taker's and the treasury's wallets that realise it, and the
 * resumable saga that performs them with every step recorded before its wallet call.
 */
package org.openpleb.ee.settlement;
