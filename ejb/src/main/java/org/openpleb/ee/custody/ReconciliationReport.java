package org.openpleb.ee.custody;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What one reconciliation run found. {@code differenceSats} is the conservation figure: the sum
 * over all wallets of holdings less what their journals say (see {@link Ledger}), plus minus the
 * snapshot of every wallet whose file is gone; 0 when no sat was lost or made up.
 *
 * @param id the run's id
 * @param startedAt when it started
 * @param durationMillis how long it took
 * @param walletsChecked wallets looked at (files read, and known wallets whose file is missing)
 * @param walletsMissing known wallets holding sats whose file is gone
 * @param total the books of all wallet files added up
 * @param differenceSats the conservation difference in sats (see above): {@code filesDifferenceSats
 *     + missingFileSats}
 * @param filesDifferenceSats the part of it found in the wallet files there are (journal against
 *     proofs)
 * @param missingFileSats the part of it in wallets whose file is gone: minus their snapshots
 * @param holdMismatchSats the sats by which reservations and offers' holds disagree, summed as
 *     absolute values
 * @param proofsChecked proofs checked with the mint (NUT-07)
 * @param proofsWrongState of those, proofs not in the state the file says
 * @param mintAnswered whether the mint answered every check (false: fewer proofs were checked)
 * @param findingsTotal how many findings there were
 * @param findingCounts how many findings of each kind ({@link FindingKind} names), all of them
 * @param findings the findings, at most {@link Reconciliation#MAX_LISTED} of each kind
 * @param wallets the books of the wallets with a finding, at most {@link Reconciliation#MAX_LISTED}
 */
public record ReconciliationReport(
    String id,
    OffsetDateTime startedAt,
    long durationMillis,
    int walletsChecked,
    int walletsMissing,
    Ledger total,
    long differenceSats,
    long filesDifferenceSats,
    long missingFileSats,
    long holdMismatchSats,
    int proofsChecked,
    int proofsWrongState,
    boolean mintAnswered,
    int findingsTotal,
    Map<String, Integer> findingCounts,
    List<Finding> findings,
    List<WalletLine> wallets) {

  /** Whether nothing was found wrong. */
  public boolean clean() {
    return findingsTotal == 0 && differenceSats == 0;
  }
}
