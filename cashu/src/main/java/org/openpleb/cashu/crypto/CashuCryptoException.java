package org.openpleb.cashu.crypto;

import org.openpleb.cashu.CashuException;

/**
 * Raised when a cryptographic input is unusable: a point that is not on secp256k1, a scalar out of
 * range, a keyset whose keys or id do not check out. Messages name the offending field, never a
 * secret value.
 */
public class CashuCryptoException extends CashuException {

  public CashuCryptoException(String message) {
    super(message);
  }

  public CashuCryptoException(String message, Throwable cause) {
    super(message, cause);
  }
}
