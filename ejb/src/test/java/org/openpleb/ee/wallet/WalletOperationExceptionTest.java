package org.openpleb.ee.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openpleb.cashu.mint.MintError;
import org.openpleb.cashu.mint.MintException;
import org.openpleb.cashu.mint.MintProtocolException;
import org.openpleb.cashu.mint.MintUnreachableException;
import org.openpleb.cashu.token.TokenFormatException;
import org.openpleb.cashu.wallet.InsufficientFundsException;
import org.openpleb.cashu.wallet.OperationInDoubtException;
import org.openpleb.cashu.wallet.TokenAlreadySpentException;
import org.openpleb.cashu.wallet.TokenInvalidException;
import org.openpleb.cashu.wallet.WalletException;
import org.openpleb.ee.platform.ProblemCode;

class WalletOperationExceptionTest {

  private static WalletOperationException sending(RuntimeException failure) {
    return WalletOperationException.of(failure, false);
  }

  @Test
  void aShortWalletTellsWhatWasNeededAndWhatItHas() {
    WalletOperationException refused = sending(new InsufficientFundsException(1200, 700));

    assertEquals(ProblemCode.INSUFFICIENT_FUNDS, refused.code());
    assertEquals(
        "This needs 1200 sats including fees; the wallet has 700 available", refused.getMessage());
    assertTrue(refused.retryAfter().isEmpty());
    assertFalse(refused.walletFailed());
  }

  @Test
  void aDoubleSpentTokenIsItsOwnCode() {
    assertEquals(
        ProblemCode.TOKEN_ALREADY_SPENT,
        WalletOperationException.of(new TokenAlreadySpentException(null), true).code());
  }

  @Test
  void aForgedTokenIsTokenInvalidWithItsReason() {
    WalletOperationException refused =
        WalletOperationException.of(new TokenInvalidException("Token is worth too much"), true);

    assertEquals(ProblemCode.TOKEN_INVALID, refused.code());
    assertEquals(400, refused.code().status());
    assertEquals("Token is worth too much", refused.getMessage());
    assertFalse(refused.walletFailed());
  }

  @Test
  void transientMintTroubleTellsTheClientWhenToRetry() {
    WalletOperationException unreachable = sending(new MintUnreachableException("timeout"));
    WalletOperationException garbled = sending(new MintProtocolException("bad signature"));
    WalletOperationException doubt = sending(new OperationInDoubtException("op-1", null));

    assertEquals(ProblemCode.MINT_UNAVAILABLE, unreachable.code());
    assertEquals(ProblemCode.MINT_UNAVAILABLE, garbled.code());
    assertEquals(ProblemCode.OPERATION_IN_DOUBT, doubt.code());
    assertEquals(WalletOperationException.MINT_RETRY, unreachable.retryAfter().orElseThrow());
    assertEquals(WalletOperationException.DOUBT_RETRY, doubt.retryAfter().orElseThrow());
  }

  @Test
  void aMintRefusalNamesTheCashuErrorButNotTheMintsOwnWords() {
    MintException refusal = new MintException(20006, "invoice 0xsecret already paid", 400);

    WalletOperationException refused = sending(refusal);

    assertEquals(ProblemCode.MINT_REJECTED, refused.code());
    assertEquals(
        "The mint refused: " + MintError.INVOICE_ALREADY_PAID + " (code 20006)",
        refused.getMessage());
    assertSame(refusal, refused.getCause());
  }

  @Test
  void aWalletRefusalIsAboutTheTokenWhenReceivingAndAboutTheWalletOtherwise() {
    WalletException refusal = new WalletException("Token is from another mint");

    assertEquals(ProblemCode.TOKEN_REJECTED, WalletOperationException.of(refusal, true).code());
    assertEquals(ProblemCode.WALLET_OPERATION_FAILED, sending(refusal).code());
    assertEquals("Token is from another mint", sending(refusal).getMessage());
    assertEquals(
        ProblemCode.TOKEN_REJECTED,
        WalletOperationException.of(new TokenFormatException("bad cbor"), true).code());
  }

  @Test
  void anUnexpectedFailureIsTheWalletsOwnAndSaysNothingOfItsCause() {
    WalletOperationException failed = sending(new IllegalStateException("disk full at /secret"));

    assertEquals(ProblemCode.INTERNAL_ERROR, failed.code());
    assertTrue(failed.walletFailed());
    assertEquals("The wallet failed unexpectedly", failed.getMessage());
  }

  @Test
  void aRefusalIsNotTranslatedTwice() {
    WalletOperationException busy = WalletOperationException.busy(Duration.ofSeconds(5), null);

    assertSame(busy, sending(busy));
    assertEquals(ProblemCode.WALLET_BUSY, busy.code());
    assertEquals(Duration.ofSeconds(5), busy.retryAfter().orElseThrow());
  }
}
