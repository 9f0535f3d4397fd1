package org.openpleb.ee.custody;

import java.util.List;
import java.util.Map;

/**
 * What one wallet file says, read in one read transaction (so journal and proofs agree with each
 * other): its books, its reservations by owner, and the recently spent proofs to check.
 *
 * @param ledger the file's books
 * @param reservedByOwner sats of reserved proofs, by owner label
 * @param recentlySpent proofs marked spent since the previous run, newest first (bounded)
 */
record WalletFile(
    Ledger ledger, Map<String, Long> reservedByOwner, List<SampledProof> recentlySpent) {}
