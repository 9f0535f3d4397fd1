/**
 * What an offer costs: the bitcoin price in the platform currency, from a fixed rate or an
 * exchange's ticker (Upbit, blockchain.info with Coinbase as fallback), cached and refused once
 * stale; and the sats equivalent of an offer's fiat amount with the platform and taker fees and the
 * bonds, with OpenPleb's formulas computed in exact decimal arithmetic. The fee schedule comes from
 * settings and is frozen onto each offer when it is created.
 */
package org.openpleb.ee.pricing;
