package org.openpleb.cashu.wallet;

import org.openpleb.cashu.CashuException;

/** A wallet operation could not be carried out; the wallet's funds are unchanged. */
public class WalletException extends CashuException {

  public WalletException(String message) {
    super(message);
  }

  public WalletException(String message, Throwable cause) {
    super(message, cause);
  }
}
