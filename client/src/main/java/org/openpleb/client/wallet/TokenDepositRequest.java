package org.openpleb.client.wallet;

/**
 * A Cashu token to receive into the session's wallet.
 *
 * @param token the token text ({@code cashuA…} or {@code cashuB…}) of the platform's mint
 */
public record TokenDepositRequest(String token) {

  @Override
  public String toString() {
    return "TokenDepositRequest[redacted]";
  }
}
