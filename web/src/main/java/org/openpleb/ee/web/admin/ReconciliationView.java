package org.openpleb.ee.web.admin;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openpleb.ee.custody.Finding;
import org.openpleb.ee.custody.Ledger;
import org.openpleb.ee.custody.ReconciliationReport;
import org.openpleb.ee.custody.WalletLine;

/**
 * A reconciliation report as JSON: the conservation figures, the mint check, and what was found
 * wrong, with the books of the wallets concerned. Never a proof secret.
 *
 * @param id the run's id
 * @param startedAt when it started
 * @param durationMillis how long it took
 * @param balanced whether nothing was found wrong
 * @param differenceSats holdings less what the journals say, plus missing wallet files; 0 when no
 *     sat was lost or made up
 * @param filesDifferenceSats the part of the difference found in the wallet files there are
 * @param missingFileSats the part of it in wallets whose file is gone (minus their snapshots)
 * @param holdMismatchSats sats by which reservations and offers' holds disagree (absolute values)
 * @param walletsChecked wallets looked at
 * @param walletsMissing known wallets holding sats whose file is gone
 * @param proofsChecked proofs checked with the mint (NUT-07)
 * @param proofsWrongState of those, proofs the mint reports in another state than the file
 * @param mintAnswered whether the mint answered every check
 * @param total the books of all wallet files added up
 * @param findingsTotal how many findings there were
 * @param findingCounts how many findings of each kind, all of them
 * @param findings the findings (at most 100 of each kind)
 * @param wallets the books of the wallets with a finding (at most 100)
 */
@Schema(description = "What one reconciliation run found")
public record ReconciliationView(
    String id,
    OffsetDateTime startedAt,
    long durationMillis,
    boolean balanced,
    long differenceSats,
    long filesDifferenceSats,
    long missingFileSats,
    long holdMismatchSats,
    int walletsChecked,
    int walletsMissing,
    int proofsChecked,
    int proofsWrongState,
    boolean mintAnswered,
    CustodyLedgerView total,
    int findingsTotal,
    Map<String, Integer> findingCounts,
    List<CustodyFindingView> findings,
    List<CustodyWalletView> wallets) {

  /** The view of a report. */
  static ReconciliationView of(ReconciliationReport r) {
    return new ReconciliationView(
        r.id(),
        r.startedAt(),
        r.durationMillis(),
        r.clean(),
        r.differenceSats(),
        r.filesDifferenceSats(),
        r.missingFileSats(),
        r.holdMismatchSats(),
        r.walletsChecked(),
        r.walletsMissing(),
        r.proofsChecked(),
        r.proofsWrongState(),
        r.mintAnswered(),
        CustodyLedgerView.of(r.total()),
        r.findingsTotal(),
        r.findingCounts(),
        r.findings().stream().map(CustodyFindingView::of).toList(),
        r.wallets().stream().map(CustodyWalletView::of).toList());
  }

  /**
   * Conservation books: {@code expected = issued − left}, {@code difference = holdings − expected}.
   *
   * @param minted sats minted from paid Lightning invoices
   * @param received sats received from tokens (after the swap fee)
   * @param reclaimed sats taken back from unclaimed tokens
   * @param restored sats put back by a restore from the seed
   * @param melted sats paid out over Lightning
   * @param sentRedeemed sats of handed-out tokens that were redeemed
   * @param fees mint fees paid
   * @param issued minted + received + reclaimed + restored
   * @param left melted + sentRedeemed + fees
   * @param expected issued − left
   * @param ready sats of spendable proofs
   * @param reserved sats of reserved proofs
   * @param inflight sats of proofs in flight
   * @param holdings ready + reserved + inflight
   * @param difference holdings − expected
   */
  @Schema(description = "Conservation books of a wallet file, or of all of them")
  public record CustodyLedgerView(
      long minted,
      long received,
      long reclaimed,
      long restored,
      long melted,
      long sentRedeemed,
      long fees,
      long issued,
      long left,
      long expected,
      long ready,
      long reserved,
      long inflight,
      long holdings,
      long difference) {

    static CustodyLedgerView of(Ledger l) {
      return new CustodyLedgerView(
          l.minted(),
          l.received(),
          l.reclaimed(),
          l.restored(),
          l.melted(),
          l.sentRedeemed(),
          l.fees(),
          l.issued(),
          l.left(),
          l.expected(),
          l.ready(),
          l.reserved(),
          l.inflight(),
          l.holdings(),
          l.difference());
    }
  }

  /**
   * One thing found wrong.
   *
   * @param kind what is wrong
   * @param walletId the wallet it is in
   * @param sats the sats concerned (signed for differences and holds)
   * @param offerId the offer concerned, if any
   * @param owner the reservation owner concerned, if any
   * @param operationId the wallet operation concerned, if any
   * @param y the proof's Y (public), for proof findings
   * @param detail a short explanation
   */
  @Schema(description = "One thing the reconciliation found wrong")
  public record CustodyFindingView(
      @Schema(
              enumeration = {
                "JOURNAL_DIFFERENCE",
                "FILE_MISSING",
                "FILE_UNREADABLE",
                "HOLD_UNCLAIMED",
                "HOLD_MISSING",
                "SETTLEMENT_STOPPED",
                "PROOF_NOT_UNSPENT",
                "SPENT_PROOF_UNSPENT"
              })
          String kind,
      String walletId,
      long sats,
      String offerId,
      String owner,
      String operationId,
      String y,
      String detail) {

    static CustodyFindingView of(Finding f) {
      return new CustodyFindingView(
          f.kind().name(),
          f.walletId(),
          f.sats(),
          f.offerId(),
          f.owner(),
          f.operationId(),
          f.y(),
          f.detail());
    }
  }

  /**
   * The books of a wallet with a finding.
   *
   * @param walletId the wallet
   * @param role ACTIVE, DORMANT, TREASURY or UNRECORDED (a file with no row)
   * @param fileFound whether its file was there and readable
   * @param ledger its books from its file
   * @param snapshot the total of its balance snapshot in the shared database
   * @param reservedForOffers sats its file holds reserved
   * @param offersHold sats the offers say it holds reserved
   */
  @Schema(description = "The books of a wallet with a finding")
  public record CustodyWalletView(
      String walletId,
      @Schema(enumeration = {"ACTIVE", "DORMANT", "TREASURY", "UNRECORDED"}) String role,
      boolean fileFound,
      CustodyLedgerView ledger,
      long snapshot,
      long reservedForOffers,
      long offersHold) {

    static CustodyWalletView of(WalletLine w) {
      return new CustodyWalletView(
          w.walletId(),
          w.role(),
          w.fileFound(),
          CustodyLedgerView.of(w.ledger()),
          w.snapshot(),
          w.reservedForOffers(),
          w.offersHold());
    }
  }
}
