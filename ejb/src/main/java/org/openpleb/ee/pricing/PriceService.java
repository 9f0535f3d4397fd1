package org.openpleb.ee.pricing;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.openpleb.ee.platform.PlatformConfig;

/**
 * The bitcoin price offers are created at, in the platform currency, from the source the operator
 * chose ({@code OPENPLEB_PRICE_SOURCE}): cached, fetched with a deadline, and refused with 503
 * PRICE_UNAVAILABLE once the last good price is older than {@code OPENPLEB_PRICE_MAX_AGE_SECONDS}.
 *
 * <p>Metrics (application scope): {@code openpleb_price_age_seconds} gauge, the age of the last
 * good price (-1 before the first); {@code openpleb_price_fetch_failures} counter.
 */
@ApplicationScoped
public class PriceService {

  static final Metadata AGE =
      Metadata.builder()
          .withName("openpleb_price_age_seconds")
          .withDescription("Age of the last good bitcoin price (-1 before the first)")
          .withUnit(MetricUnits.NONE)
          .build();

  static final Metadata FAILURES =
      Metadata.builder()
          .withName("openpleb_price_fetch_failures")
          .withDescription("Failed fetches from the bitcoin price feed")
          .withUnit(MetricUnits.NONE)
          .build();

  @Inject PriceFeedConfig config;

  @Inject PlatformConfig platform;

  @Inject Clock clock;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry metrics;

  private PriceCache cache;

  @PostConstruct
  void start() {
    Counter failures = metrics.counter(FAILURES);
    cache =
        new PriceCache(
            feedFor(config, platform.currency(), platform.version()),
            platform.currency().getCurrencyCode(),
            clock,
            config.cacheFor(),
            config.maxAge(),
            config.retryAfter(),
            failures::inc);
    metrics.gauge(AGE, this::ageSeconds);
  }

  /** Creates the bean with the application so its gauge exists from the start. */
  void onApplicationStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    // the observer's only job is to make the container create this bean now
  }

  /**
   * The price to create offers at now.
   *
   * @throws PriceUnavailableException (503 PRICE_UNAVAILABLE) when the feed has failed for longer
   *     than the staleness bound, or never answered
   */
  public BtcPrice current() {
    return cache.current();
  }

  /** The last good price however old, without asking the feed; empty before the first. */
  public Optional<BtcPrice> lastKnown() {
    return Optional.ofNullable(cache.lastKnown());
  }

  /** The configured source. */
  public PriceSource source() {
    return config.source();
  }

  /** True while prices are fixed by the operator rather than taken from a market. */
  public boolean fixed() {
    return config.source() == PriceSource.FIXED;
  }

  /**
   * The feed for the configured source and currency.
   *
   * @param version the build's version, sent in the User-Agent of HTTP feeds
   */
  static PriceFeed feedFor(PriceFeedConfig config, Currency currency, String version) {
    PriceSource source = config.source();
    if (source == PriceSource.FIXED) {
      return new FixedPriceFeed(fixedPrice(config, currency));
    }
    TickerClient client = new TickerClient(config.timeout(), "OpenPleb-EE/" + version);
    return switch (source) {
      case UPBIT -> new UpbitPriceFeed(client, config.upbitUrl(), currency);
      case BLOCKCHAIN ->
          new FallbackPriceFeed(
              new BlockchainInfoPriceFeed(client, config.blockchainUrl(), currency),
              new CoinbasePriceFeed(client, config.coinbaseUrl(), currency));
      case FIXED -> throw new IllegalStateException("handled above");
    };
  }

  /** The operator's fixed price, or OpenPleb's bootstrap price for the currency. */
  static BigDecimal fixedPrice(PriceFeedConfig config, Currency currency) {
    return config.fixedPrice().orElseGet(() -> FixedPriceFeed.bootstrapPrice(currency));
  }

  private long ageSeconds() {
    BtcPrice last = cache.lastKnown();
    return last == null ? -1 : last.age(Instant.now(clock)).toSeconds();
  }
}
