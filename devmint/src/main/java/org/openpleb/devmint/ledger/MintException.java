package org.openpleb.devmint.ledger;

/**
 * A refused request: the mint changed nothing and answers HTTP 400 with the NUT code. Details never
 * contain secrets or quote ids.
 */
public final class MintException extends RuntimeException {

  private final NutError error;

  public MintException(NutError error, String detail) {
    super(detail, null, false, false);
    this.error = error;
  }

  /** The NUT error. */
  public NutError error() {
    return error;
  }
}
