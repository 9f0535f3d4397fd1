package org.openpleb.ee.web.offer;

/**
 * A taker's claim.
 *
 * @param bondToken a Cashu token worth at least the bond; without one the bond comes from the
 *     session wallet's spendable sats
 */
public record ClaimRequest(String bondToken) {}
