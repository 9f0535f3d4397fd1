package org.openpleb.client.pricing;

import java.math.BigDecimal;

/**
 * What an offer costs, in sats.
 *
 * @param currency ISO 4217 code of the fiat amount
 * @param fiatAmount the priced amount, minor units
 * @param btcPrice the bitcoin price used (the one asked for, or the current one)
 * @param sats the offer's sats equivalent, rounded up
 * @param platformFee kept by the platform
 * @param takerFee paid to the taker on completion
 * @param bond posted by the maker (and again by the taker)
 * @param makerFunding what the maker funds: sats + fees + bond
 * @param takerBond what the taker posts to claim the offer
 */
public record Quote(
    String currency,
    long fiatAmount,
    BigDecimal btcPrice,
    long sats,
    long platformFee,
    long takerFee,
    long bond,
    long makerFunding,
    long takerBond) {}
