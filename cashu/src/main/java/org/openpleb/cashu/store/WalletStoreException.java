package org.openpleb.cashu.store;

import org.openpleb.cashu.CashuException;

/** The wallet file could not be read or written (I/O, SQLite error, or a file too new to use). */
public class WalletStoreException extends CashuException {

  public WalletStoreException(String message) {
    super(message);
  }

  public WalletStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
