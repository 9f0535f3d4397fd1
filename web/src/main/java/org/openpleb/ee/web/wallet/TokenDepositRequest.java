package org.openpleb.ee.web.wallet;

/**
 * A Cashu token to receive into the session's wallet.
 *
 * @param token the token text (cashuA… or cashuB…) of this platform's mint
 */
public record TokenDepositRequest(String token) {

  @Override
  public String toString() {
    return "TokenDepositRequest[redacted]";
  }
}
