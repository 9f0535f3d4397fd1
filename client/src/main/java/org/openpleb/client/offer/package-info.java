/**
 * Offers and their trade: the order book, creating and funding an offer, claiming it with a bond,
 * the receipt, the maker's verdict and the taker's answer, and the audit log. Every answer about an
 * offer is one {@link org.openpleb.client.offer.Offer}, its state at {@code status}.
 */
package org.openpleb.client.offer;
