package org.openpleb.cashu.mint;

/**
 * The error codes a mint sends with a rejected request ({@code error_codes.md} of the Cashu
 * specification). A rejection is definitive: the mint did not carry out the request.
 */
public enum MintError {
  PROOF_VERIFICATION_FAILED(10001),
  PROOFS_ALREADY_SPENT(11001),
  PROOFS_PENDING(11002),
  OUTPUTS_ALREADY_SIGNED(11003),
  OUTPUTS_PENDING(11004),
  TRANSACTION_UNBALANCED(11005),
  AMOUNT_OUTSIDE_LIMIT(11006),
  DUPLICATE_INPUTS(11007),
  DUPLICATE_OUTPUTS(11008),
  MULTIPLE_UNITS(11009),
  UNIT_MISMATCH(11010),
  AMOUNTLESS_INVOICE_UNSUPPORTED(11011),
  AMOUNT_NOT_INVOICE_AMOUNT(11012),
  UNIT_UNSUPPORTED(11013),
  MAX_INPUTS_EXCEEDED(11014),
  MAX_OUTPUTS_EXCEEDED(11015),
  KEYSET_UNKNOWN(12001),
  KEYSET_INACTIVE(12002),
  KEYSET_EXPIRED(12003),
  QUOTE_NOT_PAID(20001),
  QUOTE_ALREADY_ISSUED(20002),
  MINTING_DISABLED(20003),
  LIGHTNING_PAYMENT_FAILED(20004),
  QUOTE_PENDING(20005),
  INVOICE_ALREADY_PAID(20006),
  QUOTE_EXPIRED(20007),
  QUOTE_SIGNATURE_INVALID(20008),
  QUOTE_PUBKEY_REQUIRED(20009),
  /** A rejection without a code, or with a code this client does not know. */
  UNKNOWN(0);

  private final int code;

  MintError(int code) {
    this.code = code;
  }

  /** The numeric code on the wire. */
  public int code() {
    return code;
  }

  /** The error for a wire code; {@link #UNKNOWN} for codes this client does not know. */
  public static MintError ofCode(int code) {
    for (MintError e : values()) {
      if (e.code == code && e != UNKNOWN) {
        return e;
      }
    }
    return UNKNOWN;
  }
}
