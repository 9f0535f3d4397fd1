package org.openpleb.devmint.ledger;

/**
 * The error codes the dev mint answers with: the NUT codes from the specification's {@code
 * error_codes.md}, plus two of its own for malformed requests and unknown quotes.
 */
public enum NutError {
  /** Devmint's own code: the body is not JSON of the right shape or a value is malformed. */
  MALFORMED_REQUEST(10000),
  PROOF_VERIFICATION_FAILED(10001),
  PROOFS_ALREADY_SPENT(11001),
  PROOFS_PENDING(11002),
  OUTPUTS_ALREADY_SIGNED(11003),
  TRANSACTION_NOT_BALANCED(11005),
  AMOUNT_OUTSIDE_LIMITS(11006),
  DUPLICATE_INPUTS(11007),
  DUPLICATE_OUTPUTS(11008),
  AMOUNTLESS_INVOICE(11011),
  UNIT_NOT_SUPPORTED(11013),
  MAX_INPUTS_EXCEEDED(11014),
  MAX_OUTPUTS_EXCEEDED(11015),
  UNKNOWN_KEYSET(12001),
  INACTIVE_KEYSET(12002),
  /** Devmint's own code: no quote with that id. */
  UNKNOWN_QUOTE(20000),
  QUOTE_NOT_PAID(20001),
  QUOTE_ALREADY_ISSUED(20002),
  LIGHTNING_PAYMENT_FAILED(20004),
  QUOTE_PENDING(20005),
  INVOICE_ALREADY_PAID(20006),
  QUOTE_EXPIRED(20007);

  private final int code;

  NutError(int code) {
    this.code = code;
  }

  /** The numeric code sent in the error body. */
  public int code() {
    return code;
  }
}
