package org.openpleb.cashu.wallet;

/**
 * The mint could not be reached to learn how an operation ended; it may or may not have happened.
 * The operation stays in the journal and recovery ({@link Wallet#recover()}, also run when the
 * wallet opens) finishes or undoes it once the mint answers. No sats are lost meanwhile; the
 * operation's inputs count as in flight.
 */
public class OperationInDoubtException extends WalletException {

  private final String operationId;

  public OperationInDoubtException(String operationId, Throwable cause) {
    super(
        "Outcome unknown, mint unreachable; operation " + operationId + " will be recovered",
        cause);
    this.operationId = operationId;
  }

  public String operationId() {
    return operationId;
  }
}
