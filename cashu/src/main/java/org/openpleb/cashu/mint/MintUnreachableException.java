package org.openpleb.cashu.mint;

import org.openpleb.cashu.CashuException;

/**
 * The outcome of a mint call is unknown: a timeout, a dropped connection or a 5xx answer. The mint
 * MAY have carried out the request, so a wallet must keep the operation's journal entry and resolve
 * it later (NUT-07 checkstate on the inputs, NUT-09 restore on the outputs).
 */
public class MintUnreachableException extends CashuException {

  public MintUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }

  public MintUnreachableException(String message) {
    super(message);
  }
}
