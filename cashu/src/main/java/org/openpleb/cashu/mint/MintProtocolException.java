package org.openpleb.cashu.mint;

import org.openpleb.cashu.CashuException;

/**
 * The mint answered, but the answer breaks the protocol: malformed JSON, a keyset whose id does not
 * match its keys, a signature with the wrong amount or keyset, or a missing or invalid DLEQ proof.
 * Treated like an ambiguous outcome by the wallet, since the mint may have committed.
 */
public class MintProtocolException extends CashuException {

  public MintProtocolException(String message) {
    super(message);
  }

  public MintProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
