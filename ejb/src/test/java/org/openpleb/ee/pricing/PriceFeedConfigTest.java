package org.openpleb.ee.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openpleb.ee.platform.ConfigCheck;

/**
 * The price-feed settings: the shipped defaults are valid and price offline at a fixed rate; every
 * broken setting is named at startup; each source builds the feed of its exchange.
 */
class PriceFeedConfigTest {

  private static final Currency KRW = Currency.getInstance("KRW");

  /** Every violation of the price-feed rules in settings read from {@code source}. */
  private static List<String> inspect(Function<String, Optional<String>> source) {
    ConfigCheck check = new ConfigCheck(source);
    new PriceFeedConfig().declare(check);
    return check.violations();
  }

  @Test
  void theShippedDefaultsAreValidAndFixed() throws IOException {
    Map<String, String> defaults = shippedDefaults();

    assertEquals(List.of(), inspect(key -> Optional.ofNullable(defaults.get(key))));
    assertEquals("fixed", defaults.get(PriceFeedConfig.SOURCE));
    assertEquals(null, defaults.get(PriceFeedConfig.FIXED), "no fixed price is shipped");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "OPENPLEB_PRICE_SOURCE|binance|OPENPLEB_PRICE_SOURCE must be one of fixed, upbit,"
            + " blockchain, got 'binance'",
        "OPENPLEB_PRICE_SOURCE|' '|OPENPLEB_PRICE_SOURCE is required but has no value",
        "OPENPLEB_PRICE_FIXED|0|OPENPLEB_PRICE_FIXED must be a positive number of currency units"
            + " per BTC, got '0'",
        "OPENPLEB_PRICE_FIXED|1.5e8x|OPENPLEB_PRICE_FIXED must be a positive number of currency"
            + " units per BTC, got '1.5e8x'",
        "OPENPLEB_PRICE_UPBIT_URL|ftp://example.org|OPENPLEB_PRICE_UPBIT_URL must be an absolute"
            + " http or https URL, got 'ftp://example.org'",
        "OPENPLEB_PRICE_CACHE_SECONDS|-1|OPENPLEB_PRICE_CACHE_SECONDS must be a whole number of at"
            + " least 0, got '-1'",
        "OPENPLEB_PRICE_CACHE_SECONDS|301|OPENPLEB_PRICE_CACHE_SECONDS (301) must not exceed"
            + " OPENPLEB_PRICE_MAX_AGE_SECONDS (300)",
        "OPENPLEB_PRICE_MAX_AGE_SECONDS|0|OPENPLEB_PRICE_MAX_AGE_SECONDS must be a whole number of"
            + " at least 1, got '0'",
        "OPENPLEB_PRICE_TIMEOUT_MILLIS|fast|OPENPLEB_PRICE_TIMEOUT_MILLIS must be a whole number"
            + " of at least 1, got 'fast'",
      })
  void aBrokenSettingIsNamed(String key, String value, String violation) throws IOException {
    Map<String, String> settings = shippedDefaults();
    settings.put(key, value);

    assertEquals(List.of(violation), inspect(k -> Optional.ofNullable(settings.get(k))));
  }

  @Test
  void sourcesAreReadInAnyCase() {
    assertEquals(Optional.of(PriceSource.UPBIT), PriceSource.parse(" Upbit "));
    assertEquals(Optional.empty(), PriceSource.parse("coinbase"));
  }

  @Test
  void aFixedSourceWithoutAPriceUsesOpenPlebsBootstrapPriceForTheCurrency() throws Exception {
    PriceFeedConfig config = config("fixed", null);

    assertEquals(
        new BigDecimal("150000000"),
        PriceService.feedFor(config, KRW, "test").fetch().fiatPerBtc());
    assertEquals(
        new BigDecimal("15000000"),
        PriceService.feedFor(config, Currency.getInstance("JPY"), "test").fetch().fiatPerBtc());
    assertEquals(
        new BigDecimal("100000"),
        PriceService.feedFor(config, Currency.getInstance("EUR"), "test").fetch().fiatPerBtc());
  }

  @Test
  void aFixedPriceIsTakenExactly() throws Exception {
    PriceReading reading = PriceService.feedFor(config("fixed", "123456.789"), KRW, "t").fetch();

    assertEquals(new BigDecimal("123456.789"), reading.fiatPerBtc());
    assertEquals("fixed", reading.source());
  }

  @Test
  void eachMarketSourceBuildsItsExchangesFeed() {
    assertInstanceOf(UpbitPriceFeed.class, PriceService.feedFor(config("upbit", null), KRW, "t"));
    PriceFeed blockchain = PriceService.feedFor(config("blockchain", null), KRW, "t");
    assertInstanceOf(FallbackPriceFeed.class, blockchain);
    assertEquals("blockchain.info+coinbase", blockchain.name());
  }

  @Test
  void durationsComeInTheirUnits() {
    PriceFeedConfig config = config("upbit", null);

    assertEquals(Duration.ofSeconds(60), config.cacheFor());
    assertEquals(Duration.ofSeconds(300), config.maxAge());
    assertEquals(Duration.ofSeconds(10), config.retryAfter());
    assertEquals(Duration.ofMillis(5000), config.timeout());
    assertTrue(config.fixedPrice().isEmpty());
  }

  private static PriceFeedConfig config(String source, String fixed) {
    PriceFeedConfig config = new PriceFeedConfig();
    config.source = source;
    config.fixed = Optional.ofNullable(fixed);
    config.upbitUrl = "http://127.0.0.1:1";
    config.blockchainUrl = "http://127.0.0.1:1";
    config.coinbaseUrl = "http://127.0.0.1:1";
    config.cacheSeconds = 60;
    config.maxAgeSeconds = 300;
    config.retrySeconds = 10;
    config.timeoutMillis = 5000;
    return config;
  }

  private static Map<String, String> shippedDefaults() throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        PriceFeedConfigTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
      properties.load(in);
    }
    Map<String, String> settings = new HashMap<>();
    properties.forEach((k, v) -> settings.put((String) k, (String) v));
    return settings;
  }
}
