package org.openpleb.ee.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Currency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exchanges' answers as OpenPleb reads them (spec §5.1), served by a local stub: Upbit's {@code
 * trade_price}, blockchain.info's {@code <CUR>.last}, Coinbase's {@code data.rates[<CUR>]} as the
 * fallback, and every way an answer can be unusable.
 */
class HttpPriceFeedsTest {

  private static final Currency KRW = Currency.getInstance("KRW");
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency ARS = Currency.getInstance("ARS");

  private static final String BLOCKCHAIN_TICKER =
      """
      {"USD": {"15m": 97001.5, "last": 97001.5, "buy": 97001.5, "sell": 97001.5, "symbol": "$"},
       "EUR": {"15m": 89123.45, "last": 89123.45, "buy": 89123.45, "sell": 89123.45, "symbol": "€"}}
      """;

  private static final String COINBASE_RATES =
      """
      {"data": {"currency": "BTC", "rates": {"ARS": "98765432.123456789", "EUR": "89000.5"}}}
      """;

  private StubExchange exchange;
  private TickerClient client;

  @BeforeEach
  void startStub() throws Exception {
    exchange = new StubExchange();
    client = new TickerClient(Duration.ofSeconds(5), "OpenPleb-EE/test");
  }

  @AfterEach
  void stopStub() {
    exchange.close();
  }

  @Test
  void upbitGivesTheFirstTickersTradePriceExactly() throws Exception {
    exchange.answer(
        "/v1/ticker",
        200,
        "[{\"market\": \"KRW-BTC\", \"trade_price\": 150123456.5, \"trade_volume\": 0.01}]");

    PriceReading reading = new UpbitPriceFeed(client, exchange.baseUrl(), KRW).fetch();

    assertEquals(new BigDecimal("150123456.5"), reading.fiatPerBtc());
    assertEquals("upbit", reading.source());
    assertEquals(URI.create("/v1/ticker?markets=KRW-BTC"), exchange.requests().get(0));
    assertEquals("OpenPleb-EE/test", exchange.userAgents().get(0));
  }

  @Test
  void aBaseUrlWithATrailingSlashAsksTheSamePath() throws Exception {
    exchange.answer("/v1/ticker", 200, "[{\"trade_price\": 150000000}]");

    PriceReading reading = new UpbitPriceFeed(client, exchange.baseUrl() + "/", KRW).fetch();

    assertEquals(new BigDecimal("150000000"), reading.fiatPerBtc());
    assertEquals("/v1/ticker", exchange.requests().get(0).getPath());
  }

  @Test
  void anIntegralPriceInExponentFormIsPrintedPlain() throws Exception {
    exchange.answer("/v1/ticker", 200, "[{\"trade_price\": 1.5E8}]");

    PriceReading reading = new UpbitPriceFeed(client, exchange.baseUrl(), KRW).fetch();

    assertEquals("150000000", reading.fiatPerBtc().toPlainString());
    assertEquals("150000000", reading.fiatPerBtc().toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[]",
        "{\"error\": {\"name\": \"404\", \"message\": \"Code not found\"}}",
        "[{\"market\": \"KRW-BTC\"}]",
        "[{\"trade_price\": null}]",
        "[{\"trade_price\": \"lots\"}]",
        "[{\"trade_price\": 0}]",
        "[{\"trade_price\": -150000000}]",
        "[{\"trade_price\": true}]",
        "not json at all",
        "[{\"trade_price\": 150000000"
      })
  void anUpbitAnswerWithoutAPositivePriceIsAFailure(String body) {
    exchange.answer("/v1/ticker", 200, body);

    UpbitPriceFeed feed = new UpbitPriceFeed(client, exchange.baseUrl(), KRW);

    PriceFeedException failure = assertThrows(PriceFeedException.class, feed::fetch);
    assertTrue(failure.getMessage().startsWith("upbit "), failure.getMessage());
  }

  @Test
  void anErrorStatusIsAFailureEvenWithAPriceInTheBody() {
    exchange.answer("/v1/ticker", 503, "[{\"trade_price\": 150000000}]");

    PriceFeedException failure =
        assertThrows(
            PriceFeedException.class,
            () -> new UpbitPriceFeed(client, exchange.baseUrl(), KRW).fetch());

    assertEquals("upbit answered HTTP 503", failure.getMessage());
  }

  @Test
  void aFeedThatDoesNotAnswerInTimeFailsAtTheDeadline() {
    exchange.hold("/v1/ticker");
    TickerClient impatient = new TickerClient(Duration.ofMillis(300), "OpenPleb-EE/test");
    long started = System.nanoTime();

    PriceFeedException failure =
        assertThrows(
            PriceFeedException.class,
            () -> new UpbitPriceFeed(impatient, exchange.baseUrl(), KRW).fetch());

    long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    assertEquals("upbit did not answer within 300 ms", failure.getMessage());
    assertTrue(tookMillis < 5_000, () -> "took " + tookMillis + " ms");
  }

  @Test
  void anUnreachableFeedIsAFailure() throws Exception {
    String base = exchange.baseUrl();
    exchange.close();

    PriceFeedException failure =
        assertThrows(PriceFeedException.class, () -> new UpbitPriceFeed(client, base, KRW).fetch());

    assertTrue(failure.getMessage().startsWith("upbit is unreachable"), failure.getMessage());
  }

  @Test
  void aDocumentLargerThanATickerIsRefused() {
    String huge = "[{\"trade_price\": 150000000, \"pad\": \"" + "x".repeat(300 * 1024) + "\"}]";
    exchange.answer("/v1/ticker", 200, huge);

    PriceFeedException failure =
        assertThrows(
            PriceFeedException.class,
            () -> new UpbitPriceFeed(client, exchange.baseUrl(), KRW).fetch());

    assertTrue(failure.getMessage().contains("larger than"), failure.getMessage());
  }

  @Test
  void blockchainInfoGivesTheCurrencysLastPriceExactly() throws Exception {
    exchange.answer("/ticker", 200, BLOCKCHAIN_TICKER);

    PriceReading reading = new BlockchainInfoPriceFeed(client, exchange.baseUrl(), EUR).fetch();

    // OpenPleb floors this to 89123; the exact price is kept.
    assertEquals(new BigDecimal("89123.45"), reading.fiatPerBtc());
    assertEquals("blockchain.info", reading.source());
    assertEquals("/ticker", exchange.requests().get(0).getPath());
  }

  @Test
  void blockchainInfoWithoutTheCurrencyIsAFailure() {
    exchange.answer("/ticker", 200, BLOCKCHAIN_TICKER);

    PriceFeedException failure =
        assertThrows(
            PriceFeedException.class,
            () -> new BlockchainInfoPriceFeed(client, exchange.baseUrl(), ARS).fetch());

    assertEquals("blockchain.info lists no ARS price", failure.getMessage());
  }

  @Test
  void coinbaseGivesTheRateStringExactly() throws Exception {
    exchange.answer("/v2/exchange-rates", 200, COINBASE_RATES);

    PriceReading reading = new CoinbasePriceFeed(client, exchange.baseUrl(), ARS).fetch();

    assertEquals(new BigDecimal("98765432.123456789"), reading.fiatPerBtc());
    assertEquals("coinbase", reading.source());
    assertEquals(URI.create("/v2/exchange-rates?currency=BTC"), exchange.requests().get(0));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"data\": {\"currency\": \"BTC\", \"rates\": {\"EUR\": \"89000.5\"}}}",
        "{\"data\": {\"currency\": \"BTC\", \"rates\": {\"ARS\": \"n/a\"}}}",
        "{\"data\": {\"currency\": \"BTC\", \"rates\": {\"ARS\": \"-1\"}}}",
        "{\"data\": {\"currency\": \"BTC\"}}",
        "{\"errors\": [{\"id\": \"not_found\"}]}",
        "[]"
      })
  void aCoinbaseAnswerWithoutAPositiveRateIsAFailure(String body) {
    exchange.answer("/v2/exchange-rates", 200, body);

    CoinbasePriceFeed feed = new CoinbasePriceFeed(client, exchange.baseUrl(), ARS);

    PriceFeedException failure = assertThrows(PriceFeedException.class, feed::fetch);
    assertTrue(failure.getMessage().startsWith("coinbase "), failure.getMessage());
  }

  @Test
  void aCurrencyBlockchainInfoDoesNotListIsPricedByCoinbase() throws Exception {
    exchange
        .answer("/ticker", 200, BLOCKCHAIN_TICKER)
        .answer("/v2/exchange-rates", 200, COINBASE_RATES);

    PriceReading reading = blockchainWithFallback(ARS).fetch();

    assertEquals(new BigDecimal("98765432.123456789"), reading.fiatPerBtc());
    assertEquals("coinbase", reading.source());
    assertEquals(2, exchange.requests().size());
  }

  @Test
  void aListedCurrencyNeverAsksCoinbase() throws Exception {
    exchange
        .answer("/ticker", 200, BLOCKCHAIN_TICKER)
        .answer("/v2/exchange-rates", 200, COINBASE_RATES);

    PriceReading reading = blockchainWithFallback(EUR).fetch();

    assertEquals(new BigDecimal("89123.45"), reading.fiatPerBtc());
    assertEquals("blockchain.info", reading.source());
    assertEquals(1, exchange.requests().size());
  }

  @Test
  void blockchainInfoDownFallsBackToCoinbase() throws Exception {
    exchange.answer("/ticker", 500, "{}").answer("/v2/exchange-rates", 200, COINBASE_RATES);

    PriceReading reading = blockchainWithFallback(EUR).fetch();

    assertEquals(new BigDecimal("89000.5"), reading.fiatPerBtc());
    assertEquals("coinbase", reading.source());
  }

  @Test
  void theFallbackIsNotStickyBlockchainInfoIsAskedAgainNextTime() throws Exception {
    exchange.answer("/ticker", 500, "{}").answer("/v2/exchange-rates", 200, COINBASE_RATES);
    PriceFeed feed = blockchainWithFallback(EUR);
    assertEquals("coinbase", feed.fetch().source());

    exchange.answer("/ticker", 200, BLOCKCHAIN_TICKER);

    assertEquals("blockchain.info", feed.fetch().source());
  }

  @Test
  void whenBothFeedsFailTheFailureNamesBoth() {
    exchange.answer("/ticker", 200, BLOCKCHAIN_TICKER).answer("/v2/exchange-rates", 502, "{}");

    PriceFeedException failure =
        assertThrows(PriceFeedException.class, () -> blockchainWithFallback(ARS).fetch());

    assertEquals(
        "blockchain.info lists no ARS price; fallback: coinbase answered HTTP 502",
        failure.getMessage());
  }

  private PriceFeed blockchainWithFallback(Currency currency) {
    return new FallbackPriceFeed(
        new BlockchainInfoPriceFeed(client, exchange.baseUrl(), currency),
        new CoinbasePriceFeed(client, exchange.baseUrl(), currency));
  }
}
