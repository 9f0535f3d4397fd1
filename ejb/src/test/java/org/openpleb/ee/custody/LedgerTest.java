package org.openpleb.ee.custody;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpleb.cashu.store.OperationKind;
import org.openpleb.cashu.store.OperationState;

/** The conservation arithmetic of one wallet file, entry kind by entry kind. */
class LedgerTest {

  private static Ledger.JournalLine done(OperationKind kind, long amount, long fee) {
    return new Ledger.JournalLine(kind, OperationState.DONE, amount, fee, 0);
  }

  @Test
  void aMintedDepositIsHeldSpendable() {
    Ledger l = Ledger.of(List.of(done(OperationKind.MINT, 1000, 0)), 0, 1000, 0, 0);
    assertEquals(1000, l.issued());
    assertEquals(1000, l.expected());
    assertEquals(0, l.difference());
  }

  @Test
  void aReceivedTokenCountsWhatWasKeptNotWhatTheTokenPaidInFees() {
    // a 500-sat token swapped for 1 sat: 499 kept, the fee came out of the token
    Ledger l = Ledger.of(List.of(done(OperationKind.RECEIVE, 499, 1)), 0, 499, 0, 0);
    assertEquals(499, l.received());
    assertEquals(0, l.fees());
    assertEquals(0, l.difference());
  }

  @Test
  void aPendingSendKeepsItsTokenInFlightAndPaysItsSwapFee() {
    // 1000 minted; a swap of 1000 into a 300-sat token and 699 change, 1 sat fee
    Ledger l =
        Ledger.of(
            List.of(
                done(OperationKind.MINT, 1000, 0),
                new Ledger.JournalLine(OperationKind.SEND, OperationState.PENDING, -300, 1, 0)),
            0,
            699,
            0,
            300);
    assertEquals(1, l.fees());
    assertEquals(0, l.sentRedeemed());
    assertEquals(0, l.difference());
  }

  @Test
  void aPartlyRedeemedTokenLeavesWithTheProofsTheMintReportedSpent() {
    Ledger l =
        Ledger.of(
            List.of(
                done(OperationKind.MINT, 1000, 0),
                new Ledger.JournalLine(OperationKind.SEND, OperationState.PENDING, -300, 1, 256)),
            0,
            699,
            0,
            44);
    assertEquals(256, l.sentRedeemed());
    assertEquals(0, l.difference());
  }

  @Test
  void aRedeemedTokenHasLeftWithItsFee() {
    Ledger l =
        Ledger.of(
            List.of(done(OperationKind.MINT, 1000, 0), done(OperationKind.SEND, -300, 1)),
            0,
            699,
            0,
            0);
    assertEquals(300, l.sentRedeemed());
    assertEquals(301, l.left());
    assertEquals(0, l.difference());
  }

  @Test
  void aReclaimedTokenComesBackLessTheReclaimFee() {
    // the send is closed as done (its token counted out), the reclaim brings back 299
    Ledger l =
        Ledger.of(
            List.of(
                done(OperationKind.MINT, 1000, 0),
                done(OperationKind.SEND, -300, 1),
                done(OperationKind.RECLAIM, 299, 1)),
            0,
            998,
            0,
            0);
    assertEquals(299, l.reclaimed());
    assertEquals(0, l.difference());
  }

  @Test
  void aMeltPaysTheInvoiceAndTheLightningFee() {
    // inputs 1000, change 690: paid 310 of which 10 Lightning fee
    Ledger l =
        Ledger.of(
            List.of(done(OperationKind.MINT, 1000, 0), done(OperationKind.MELT, -310, 10)),
            0,
            690,
            0,
            0);
    assertEquals(300, l.melted());
    assertEquals(10, l.fees());
    assertEquals(0, l.difference());
  }

  @Test
  void aReservationSwapCostsItsFee() {
    Ledger l =
        Ledger.of(
            List.of(done(OperationKind.MINT, 1000, 0), done(OperationKind.RESERVE, -1, 1)),
            0,
            599,
            400,
            0);
    assertEquals(1, l.fees());
    assertEquals(0, l.difference());
  }

  @Test
  void openAndFailedOperationsMoveNothingYet() {
    Ledger l =
        Ledger.of(
            List.of(
                done(OperationKind.MINT, 1000, 0),
                new Ledger.JournalLine(OperationKind.MELT, OperationState.PENDING, 0, 10, 0),
                new Ledger.JournalLine(OperationKind.RECEIVE, OperationState.EXECUTING, 0, 1, 0),
                new Ledger.JournalLine(OperationKind.SEND, OperationState.FAILED, 0, 0, 0)),
            0,
            400,
            0,
            600);
    assertEquals(0, l.difference());
  }

  @Test
  void restoredProofsCountAsComingIn() {
    Ledger l = Ledger.of(List.of(), 128, 128, 0, 0);
    assertEquals(128, l.issued());
    assertEquals(0, l.difference());
  }

  @Test
  void aDeletedProofRowShowsAsMissingSats() {
    Ledger l = Ledger.of(List.of(done(OperationKind.MINT, 1000, 0)), 0, 1000 - 512, 0, 0);
    assertEquals(-512, l.difference());
  }

  @Test
  void booksAddUp() {
    Ledger a = Ledger.of(List.of(done(OperationKind.MINT, 1000, 0)), 0, 1000, 0, 0);
    Ledger b = Ledger.of(List.of(done(OperationKind.RECEIVE, 50, 0)), 0, 40, 0, 0);
    Ledger sum = a.plus(b).plus(Ledger.EMPTY);
    assertEquals(1050, sum.expected());
    assertEquals(1040, sum.holdings());
    assertEquals(-10, sum.difference());
  }
}
