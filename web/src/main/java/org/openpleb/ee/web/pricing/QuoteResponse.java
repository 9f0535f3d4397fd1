package org.openpleb.ee.web.pricing;

import java.math.BigDecimal;
import org.openpleb.ee.pricing.PriceQuote;

/**
 * What an offer costs, in sats.
 *
 * @param currency ISO 4217 code of the fiat amount
 * @param fiatAmount the priced amount, minor units
 * @param btcPrice the bitcoin price the quote was made at, whole units of {@code currency}: the
 *     request's, or the current price when the request named none
 * @param sats the offer's sats equivalent, rounded up
 * @param platformFee kept by the platform
 * @param takerFee paid to the taker on completion
 * @param bond posted by the maker (and again by the taker)
 * @param makerFunding what the maker's invoice or token must carry: sats + fees + bond
 * @param takerBond what the taker posts to claim the offer
 */
public record QuoteResponse(
    String currency,
    long fiatAmount,
    BigDecimal btcPrice,
    long sats,
    long platformFee,
    long takerFee,
    long bond,
    long makerFunding,
    long takerBond) {

  static QuoteResponse of(String currency, long fiatAmount, BigDecimal btcPrice, PriceQuote quote) {
    return new QuoteResponse(
        currency,
        fiatAmount,
        btcPrice,
        quote.sats(),
        quote.platformFee(),
        quote.takerFee(),
        quote.bond(),
        quote.makerFunding(),
        quote.takerBond());
  }
}
