package org.openpleb.ee.wallet;

import java.time.Duration;
import org.openpleb.cashu.mint.MintException;
import org.openpleb.cashu.mint.MintProtocolException;
import org.openpleb.cashu.mint.MintUnreachableException;
import org.openpleb.cashu.token.TokenFormatException;
import org.openpleb.cashu.wallet.InsufficientFundsException;
import org.openpleb.cashu.wallet.OperationInDoubtException;
import org.openpleb.cashu.wallet.TokenAlreadySpentException;
import org.openpleb.cashu.wallet.TokenInvalidException;
import org.openpleb.cashu.wallet.WalletException;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/**
 * A wallet operation did not go through, told in the API's terms: the wallet core's reason as a
 * problem code with a client-safe message, the original failure as the cause (for the watcher,
 * which tells "not paid yet" from "minted elsewhere"), and for transient causes the delay after
 * which a retry makes sense.
 *
 * <p>Session wallet handles throw nothing else, because any other exception leaving a stateful bean
 * destroys it along with its open wallet file.
 */
public class WalletOperationException extends DomainException {

  /** When to retry after the mint was unreachable. */
  static final Duration MINT_RETRY = Duration.ofSeconds(10);

  /** When to look again after an operation in doubt; recovery needs the mint back. */
  static final Duration DOUBT_RETRY = Duration.ofSeconds(30);

  /** A refusal with its cause and, for transient ones, a retry delay (else null). */
  public WalletOperationException(
      ProblemCode code, String message, Throwable cause, Duration retryAfter) {
    super(code, message, retryAfter);
    if (cause != null) {
      initCause(cause);
    }
  }

  /** Every open wallet was in use for longer than a request may wait. */
  public static WalletOperationException busy(Duration retryAfter, Throwable cause) {
    return new WalletOperationException(
        ProblemCode.WALLET_BUSY,
        "Every open wallet is in use right now; try again shortly",
        cause,
        retryAfter);
  }

  /**
   * The wallet core's failure in the API's terms.
   *
   * @param receiving whether the operation received a token (its refusals are about the token)
   */
  public static WalletOperationException of(RuntimeException failure, boolean receiving) {
    if (failure instanceof WalletOperationException already) {
      return already;
    }
    if (failure instanceof InsufficientFundsException funds) {
      return new WalletOperationException(
          ProblemCode.INSUFFICIENT_FUNDS,
          "This needs "
              + funds.needed()
              + " sats including fees; the wallet has "
              + funds.available()
              + " available",
          failure,
          null);
    }
    if (failure instanceof TokenAlreadySpentException) {
      return new WalletOperationException(
          ProblemCode.TOKEN_ALREADY_SPENT,
          "This token was already claimed; nothing was credited",
          failure,
          null);
    }
    if (failure instanceof OperationInDoubtException) {
      return new WalletOperationException(
          ProblemCode.OPERATION_IN_DOUBT,
          "The mint stopped answering mid-way. The wallet finishes or undoes the operation on its"
              + " own and no sats are lost; check the wallet balance later",
          failure,
          DOUBT_RETRY);
    }
    if (failure instanceof MintUnreachableException) {
      return new WalletOperationException(
          ProblemCode.MINT_UNAVAILABLE,
          "The mint cannot be reached; nothing was done",
          failure,
          MINT_RETRY);
    }
    if (failure instanceof MintProtocolException) {
      return new WalletOperationException(
          ProblemCode.MINT_UNAVAILABLE,
          "The mint gave an answer the wallet cannot accept; nothing was done",
          failure,
          MINT_RETRY);
    }
    if (failure instanceof MintException refused) {
      return new WalletOperationException(
          ProblemCode.MINT_REJECTED,
          "The mint refused: " + refused.error() + " (code " + refused.code() + ")",
          failure,
          null);
    }
    if (failure instanceof TokenFormatException) {
      return new WalletOperationException(
          ProblemCode.TOKEN_REJECTED,
          "This is not a Cashu token this wallet can read",
          failure,
          null);
    }
    if (failure instanceof TokenInvalidException invalid) {
      return new WalletOperationException(
          ProblemCode.TOKEN_INVALID, invalid.getMessage(), failure, null);
    }
    if (failure instanceof WalletException refused) {
      return new WalletOperationException(
          receiving ? ProblemCode.TOKEN_REJECTED : ProblemCode.WALLET_OPERATION_FAILED,
          refused.getMessage(),
          failure,
          null);
    }
    if (failure instanceof IllegalArgumentException invalid) {
      return new WalletOperationException(
          ProblemCode.VALIDATION_FAILED, invalid.getMessage(), failure, null);
    }
    return new WalletOperationException(
        ProblemCode.INTERNAL_ERROR, "The wallet failed unexpectedly", failure, null);
  }

  /**
   * An error (e.g. out of memory) met while the wallet worked: the handle is unusable from then on
   * and is reopened from its file.
   */
  public static WalletOperationException crashed(Error failure) {
    return new WalletOperationException(
        ProblemCode.INTERNAL_ERROR, "The wallet failed unexpectedly", failure, null);
  }

  /**
   * Whether the wallet itself failed (not the request or the mint): its handle should be reopened.
   */
  public boolean walletFailed() {
    return code() == ProblemCode.INTERNAL_ERROR;
  }
}
