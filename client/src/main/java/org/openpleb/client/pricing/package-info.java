/**
 * Prices: the bitcoin price new offers are created at, and quotes of what an offer of a fiat amount
 * costs the maker and what the taker bonds.
 */
package org.openpleb.client.pricing;
