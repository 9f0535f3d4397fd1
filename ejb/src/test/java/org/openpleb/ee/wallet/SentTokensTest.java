package org.openpleb.ee.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.session.SessionPrincipal;

/**
 * Every token handed out of a session wallet is recorded before the wallet makes it, so it is never
 * out of its owner's reach (#14 finding 1): a withdrawal whose answer was lost is found again by
 * its request id with the same token; the owner lists the unclaimed ones; the in-flight sweep marks
 * a redeemed one CLAIMED and never takes an unclaimed one back, however old.
 */
class SentTokensTest {

  private final WalletTestbed bed = new WalletTestbed();
  private final SessionPrincipal alice = bed.session("a".repeat(64));

  private InflightSweep sweeper() {
    return new InflightSweep() {
      {
        leased = bed.leased;
        wallets = bed.wallets;
        sentTokens = bed.sentTokens;
      }

      @Override
      Iterable<InflightHolder> holders() {
        return List.of();
      }
    };
  }

  private SentToken only() {
    assertEquals(1, bed.sentTokenRows.rows.size(), bed.sentTokenRows.rows::toString);
    return bed.sentTokenRows.rows.values().iterator().next();
  }

  @Test
  void aWithdrawalIsRecordedUnderItsRequestIdAndFoundAgainWithTheSameToken() {
    String id = bed.fundedWallet(alice, 500);
    String request = UUID.randomUUID().toString();

    TokenWithdrawal first = bed.cashier.withdrawToken(alice, 200, true, null, request);

    SentToken row = only();
    assertEquals(request, row.operationId());
    assertEquals(id, row.walletId());
    assertEquals(200, row.amount());
    assertEquals(SentTokenState.UNCLAIMED, row.state());
    TokenWithdrawal again = bed.cashier.recoverTokenWithdrawal(alice, true, request).orElseThrow();
    assertEquals(first.token(), again.token());
    assertEquals(first.lockedTo(), again.lockedTo());
    assertEquals(new WalletBalance(300, 0, 200), bed.file(id).balance(), "sent once");
  }

  @Test
  void aWithdrawalThatMovedNothingLeavesNoRecordAndNothingToRecover() {
    bed.fundedWallet(alice, 100);
    String request = UUID.randomUUID().toString();

    DomainException refused =
        assertThrows(
            DomainException.class,
            () -> bed.cashier.withdrawToken(alice, 500, false, null, request));

    assertEquals(ProblemCode.INSUFFICIENT_FUNDS, refused.code());
    assertTrue(bed.sentTokenRows.rows.isEmpty());
    assertEquals(Optional.empty(), bed.cashier.recoverTokenWithdrawal(alice, false, request));
  }

  @Test
  void aRecordWhoseSendNeverHappenedRecoversNothingAndIsDropped() {
    String id = bed.fundedWallet(alice, 500);
    String request = UUID.randomUUID().toString();
    // the server died between recording the token and the wallet's send
    bed.sentTokenRows.add(
        SentToken.unclaimed(
            UUID.randomUUID().toString(),
            alice.pubkey(),
            id,
            request,
            200,
            OffsetDateTime.now(bed.clock)));

    assertEquals(Optional.empty(), bed.cashier.recoverTokenWithdrawal(alice, false, request));
    assertTrue(bed.sentTokenRows.rows.isEmpty());
  }

  @Test
  void aRequestThatRecordedNoIdCannotBeToldAndStaysRefused() {
    DomainException refused =
        assertThrows(
            DomainException.class, () -> bed.cashier.recoverTokenWithdrawal(alice, false, null));
    assertEquals(ProblemCode.IDEMPOTENCY_IN_PROGRESS, refused.code());
  }

  @Test
  void theOwnerListsUnclaimedTokensNewestFirstWithTheirText() {
    bed.fundedWallet(alice, 500);
    TokenWithdrawal older = bed.cashier.withdrawToken(alice, 100, false, null);
    bed.clock.advance(Duration.ofSeconds(1));
    TokenWithdrawal newer = bed.cashier.withdrawToken(alice, 150, false, null);

    List<SentTokens.Listed> listed = bed.sentTokens.unclaimed(alice, 20);

    assertEquals(
        List.of(newer.token(), older.token()),
        listed.stream().map(SentTokens.Listed::token).toList());
    assertEquals(1, bed.sentTokens.unclaimed(alice, 1).size());
    assertEquals(List.of(), bed.sentTokens.unclaimed(bed.session("b".repeat(64)), 20));
    DomainException tooMany =
        assertThrows(DomainException.class, () -> bed.sentTokens.unclaimed(alice, 51));
    assertEquals(ProblemCode.VALIDATION_FAILED, tooMany.code());
  }

  @Test
  void theSweepMarksARedeemedTokenClaimedAndNeverTakesAnUnclaimedOneBack() {
    String id = bed.fundedWallet(alice, 500);
    String redeemed = UUID.randomUUID().toString();
    String kept = UUID.randomUUID().toString();
    bed.cashier.withdrawToken(alice, 200, false, null, redeemed);
    bed.cashier.withdrawToken(alice, 100, false, null, kept);
    bed.file(id).claimedTokens.add(redeemed);
    bed.file(id).claimedAtReconcile = 200;

    for (int i = 0; i < 5; i++) {
      bed.clock.advance(Duration.ofDays(30));
      sweeper().sweep();
    }

    assertEquals(
        SentTokenState.CLAIMED, bed.sentTokenRows.byOperation(redeemed).orElseThrow().state());
    assertEquals(
        SentTokenState.UNCLAIMED, bed.sentTokenRows.byOperation(kept).orElseThrow().state());
    assertEquals(new WalletBalance(200, 0, 100), bed.file(id).balance());
    assertEquals(1, bed.sentTokens.unclaimed(alice, 20).size());
  }
}
