/**
 * The escrow commitment over HTTP: the latest Merkle-sum root, total and time for anyone, and for
 * the maker and the taker of an offer its leaves (salt and the NUT-07 {@code Y} of every backing
 * proof) with the sibling hashes and sums up to the root, so a party recomputes the root and asks
 * the mint whether its escrow is there and unspent.
 */
package org.openpleb.ee.web.escrow;
