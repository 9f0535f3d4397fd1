package org.openpleb.client.offer;

import java.util.List;

/**
 * A page of the order book: funded offers waiting for a taker, newest first, public fields only.
 *
 * @param offers the offers on this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many offers the book holds (with the filter)
 */
public record OrderBookPage(List<Offer> offers, int page, int size, long total) {}
