package org.openpleb.client.pricing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The bitcoin price new offers are created at.
 *
 * @param currency ISO 4217 code
 * @param fiatPerBtc whole units of {@code currency} per bitcoin, exact
 * @param fetchedAt when the feed gave this price
 * @param source the feed that gave it
 * @param fixed true when the operator fixed the price instead of taking a market price
 * @param warning why a fixed price is not a market price; absent for market prices
 */
public record Price(
    String currency,
    BigDecimal fiatPerBtc,
    Instant fetchedAt,
    String source,
    boolean fixed,
    String warning) {}
