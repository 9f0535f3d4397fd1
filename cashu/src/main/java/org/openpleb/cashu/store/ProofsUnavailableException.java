package org.openpleb.cashu.store;

import org.openpleb.cashu.CashuException;

/**
 * Some proofs an operation wanted were no longer available: another operation took them first, or
 * they were spent or reserved meanwhile. Nothing was changed.
 */
public class ProofsUnavailableException extends CashuException {

  public ProofsUnavailableException() {
    super("Proofs are no longer available (spent, reserved or in use by another operation)");
  }
}
