/**
 * Disputes: a taker's counter to the maker's issue waits for the admin, who sees both sides and
 * resolves it with one of OpenPleb's four paths and a reason; the resolution is settled by the
 * payout table like every other end of a trade.
 */
package org.openpleb.ee.dispute;
