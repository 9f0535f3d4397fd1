package org.openpleb.cashu.wallet;

/**
 * A token claims what no mint could have signed or more than this wallet accepts: an amount its
 * keyset has no key for, a total above the wallet's limit or beyond a long, or too many proofs.
 * Raised before any output is planned or the mint is called; nothing changed.
 */
public class TokenInvalidException extends WalletException {

  public TokenInvalidException(String message) {
    super(message);
  }
}
