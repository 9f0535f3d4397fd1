package org.openpleb.cashu.wallet;

/**
 * The token was already claimed by someone else (the mint answered "proofs already spent",
 * NUT-07/11001): a double spend, refused. Nothing was credited.
 */
public class TokenAlreadySpentException extends WalletException {

  public TokenAlreadySpentException(Throwable cause) {
    super("Token already spent", cause);
  }
}
