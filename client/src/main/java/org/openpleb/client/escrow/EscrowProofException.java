package org.openpleb.client.escrow;

/** An escrow proof that does not hold: the reason says which check failed and for which hold. */
public class EscrowProofException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failed check, described by {@code message}. */
  public EscrowProofException(String message) {
    super(message);
  }
}
