package org.openpleb.ee.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Currency;
import java.util.Objects;

/**
 * The bitcoin price from blockchain.info's ticker, OpenPleb's first choice outside KRW: {@code GET
 * /ticker} answers an object keyed by currency code whose {@code last} is the last price in whole
 * units. Kept exact: OpenPleb floors it to an integer, which would make every offer a little dearer
 * in sats for no reason.
 */
public final class BlockchainInfoPriceFeed implements PriceFeed {

  /** The name blockchain.info prices report. */
  public static final String NAME = "blockchain.info";

  private final TickerClient client;
  private final URI ticker;
  private final String currency;

  /** A feed for {@code currency} from the API at {@code baseUrl}, e.g. https://blockchain.info. */
  public BlockchainInfoPriceFeed(TickerClient client, String baseUrl, Currency currency) {
    this.client = Objects.requireNonNull(client, "client");
    this.ticker = FeedUrls.resolve(baseUrl, "ticker");
    this.currency = currency.getCurrencyCode();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PriceReading fetch() throws PriceFeedException {
    JsonNode document = client.get(NAME, ticker);
    JsonNode entry = document.get(currency);
    if (entry == null || !entry.isObject()) {
      throw new PriceFeedException(NAME + " lists no " + currency + " price");
    }
    return new PriceReading(TickerClient.price(NAME, entry.get("last"), currency + ".last"), NAME);
  }
}
