package org.openpleb.cashu.store;

import java.util.Locale;

/**
 * Where a journaled operation stands. {@link #EXECUTING} is written, with the exact request, before
 * the mint is called; an operation found in it after a crash is resolved by recovery.
 */
public enum OperationState {
  /** The request is recorded and may have reached the mint; the outcome is not yet stored. */
  EXECUTING,
  /**
   * The mint did its part but the operation waits on something outside the wallet: a token not yet
   * claimed, a Lightning payment still in flight.
   */
  PENDING,
  /** Finished; its effects are stored. */
  DONE,
  /** Did not happen; whatever it held was given back. */
  FAILED;

  String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  static OperationState ofColumn(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  /** Whether the operation still needs attention. */
  public boolean open() {
    return this == EXECUTING || this == PENDING;
  }
}
