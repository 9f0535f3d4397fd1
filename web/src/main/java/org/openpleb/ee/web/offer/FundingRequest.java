package org.openpleb.ee.web.offer;

/**
 * How the maker funds an offer without Lightning.
 *
 * @param source {@code BALANCE} (the session wallet's spendable sats) or {@code TOKEN}
 * @param token a Cashu token worth at least the funding, with {@code TOKEN}
 */
public record FundingRequest(FundingSource source, String token) {}
