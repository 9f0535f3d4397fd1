package org.openpleb.client.offer;

/**
 * How the maker funds an offer without Lightning.
 *
 * @param source {@code BALANCE} or {@code TOKEN}
 * @param token a Cashu token worth at least the funding, with {@code TOKEN}
 */
public record FundingRequest(FundingSource source, String token) {

  /** Funding from the session wallet's spendable sats. */
  public static FundingRequest fromBalance() {
    return new FundingRequest(FundingSource.BALANCE, null);
  }

  /** Funding with a posted Cashu token. */
  public static FundingRequest withToken(String token) {
    return new FundingRequest(FundingSource.TOKEN, token);
  }

  @Override
  public String toString() {
    // a token is a bearer secret
    return "FundingRequest[" + source + "]";
  }
}
