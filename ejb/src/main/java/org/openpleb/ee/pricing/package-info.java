/**
 * What an offer costs: the sats equivalent of its fiat amount, the platform and taker fees and the
 * bonds, with OpenPleb's formulas and defaults computed in exact decimal arithmetic. The fee
 * schedule comes from settings and is frozen onto each offer when it is created.
 */
package org.openpleb.ee.pricing;
