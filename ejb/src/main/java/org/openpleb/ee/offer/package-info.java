/**
 * Offers and their trade: a maker's bank QR code priced in sats with amounts frozen at creation,
 * funded into escrow, claimed by one bonded taker, proven with a receipt and approved, disputed or
 * expired. Every transition is one transaction with a compare-and-set on the offer's state, sets
 * the new state's deadline and appends to the offer's hash-chained audit log.
 */
package org.openpleb.ee.offer;
