package org.openpleb.ee.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Currency;
import java.util.Objects;

/**
 * The bitcoin price from Upbit's public ticker, as OpenPleb reads it for KRW: {@code GET
 * /v1/ticker?markets=<CUR>-BTC} answers an array whose first element's {@code trade_price} is the
 * last traded price in whole currency units, taken exactly (OpenPleb does not round it either).
 */
public final class UpbitPriceFeed implements PriceFeed {

  /** The name Upbit prices report. */
  public static final String NAME = "upbit";

  private final TickerClient client;
  private final URI ticker;

  /**
   * A feed for {@code currency} from the Upbit API at {@code baseUrl} (e.g. {@code
   * https://api.upbit.com}; Upbit's regional APIs list other fiat markets the same way).
   */
  public UpbitPriceFeed(TickerClient client, String baseUrl, Currency currency) {
    this.client = Objects.requireNonNull(client, "client");
    this.ticker =
        FeedUrls.resolve(baseUrl, "v1/ticker?markets=" + currency.getCurrencyCode() + "-BTC");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PriceReading fetch() throws PriceFeedException {
    JsonNode document = client.get(NAME, ticker);
    if (!document.isArray() || document.isEmpty()) {
      throw new PriceFeedException(NAME + " answered no ticker for the market");
    }
    return new PriceReading(
        TickerClient.price(NAME, document.get(0).get("trade_price"), "trade_price"), NAME);
  }
}
