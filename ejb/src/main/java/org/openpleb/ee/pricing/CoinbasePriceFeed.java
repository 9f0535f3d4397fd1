package org.openpleb.ee.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Currency;
import java.util.Objects;

/**
 * The bitcoin price from Coinbase's exchange rates, OpenPleb's fallback when blockchain.info has no
 * price: {@code GET /v2/exchange-rates?currency=BTC} answers {@code data.rates}, a map from
 * currency code to the rate as a decimal string, taken exactly.
 */
public final class CoinbasePriceFeed implements PriceFeed {

  /** The name Coinbase prices report. */
  public static final String NAME = "coinbase";

  private final TickerClient client;
  private final URI rates;
  private final String currency;

  /** A feed for {@code currency} from the API at {@code baseUrl}, e.g. https://api.coinbase.com. */
  public CoinbasePriceFeed(TickerClient client, String baseUrl, Currency currency) {
    this.client = Objects.requireNonNull(client, "client");
    this.rates = FeedUrls.resolve(baseUrl, "v2/exchange-rates?currency=BTC");
    this.currency = currency.getCurrencyCode();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PriceReading fetch() throws PriceFeedException {
    JsonNode document = client.get(NAME, rates);
    JsonNode rate = document.path("data").path("rates").get(currency);
    if (rate == null) {
      throw new PriceFeedException(NAME + " lists no " + currency + " rate");
    }
    return new PriceReading(TickerClient.price(NAME, rate, "rate for " + currency), NAME);
  }
}
