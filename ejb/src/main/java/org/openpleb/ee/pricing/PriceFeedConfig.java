package org.openpleb.ee.pricing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpleb.ee.platform.ConfigCheck;
import org.openpleb.ee.platform.SettingsRule;

/**
 * Where the bitcoin price comes from and how long it may be trusted: the source, the fixed price,
 * the exchanges' base URLs (tests point them at a local stub), the cache period, the staleness
 * bound, the pause after a failed fetch and the request deadline.
 */
@ApplicationScoped
public class PriceFeedConfig implements SettingsRule {

  /** {@code fixed}, {@code upbit} or {@code blockchain}. */
  public static final String SOURCE = "OPENPLEB_PRICE_SOURCE";

  /** The fixed price in whole currency units per BTC; unset means OpenPleb's bootstrap price. */
  public static final String FIXED = "OPENPLEB_PRICE_FIXED";

  /** Base URL of the Upbit API. */
  public static final String UPBIT_URL = "OPENPLEB_PRICE_UPBIT_URL";

  /** Base URL of the blockchain.info API. */
  public static final String BLOCKCHAIN_URL = "OPENPLEB_PRICE_BLOCKCHAIN_URL";

  /** Base URL of the Coinbase API (the blockchain source's fallback). */
  public static final String COINBASE_URL = "OPENPLEB_PRICE_COINBASE_URL";

  /** How long a fetched price is reused, seconds. */
  public static final String CACHE_SECONDS = "OPENPLEB_PRICE_CACHE_SECONDS";

  /** How old the last good price may get while the feed fails, seconds. */
  public static final String MAX_AGE_SECONDS = "OPENPLEB_PRICE_MAX_AGE_SECONDS";

  /** How long the feed is left alone after a failed fetch, seconds. */
  public static final String RETRY_SECONDS = "OPENPLEB_PRICE_RETRY_SECONDS";

  /** Deadline of one request to a feed, body included, milliseconds. */
  public static final String TIMEOUT_MILLIS = "OPENPLEB_PRICE_TIMEOUT_MILLIS";

  /** The warning operators and clients see while prices are fixed rather than market prices. */
  public static final String FIXED_WARNING =
      "OPENPLEB_PRICE_SOURCE is fixed: offers are priced at a fixed rate, not a market price";

  @Inject
  @ConfigProperty(name = SOURCE)
  String source;

  @Inject
  @ConfigProperty(name = FIXED)
  Optional<String> fixed;

  @Inject
  @ConfigProperty(name = UPBIT_URL)
  String upbitUrl;

  @Inject
  @ConfigProperty(name = BLOCKCHAIN_URL)
  String blockchainUrl;

  @Inject
  @ConfigProperty(name = COINBASE_URL)
  String coinbaseUrl;

  @Inject
  @ConfigProperty(name = CACHE_SECONDS)
  long cacheSeconds;

  @Inject
  @ConfigProperty(name = MAX_AGE_SECONDS)
  long maxAgeSeconds;

  @Inject
  @ConfigProperty(name = RETRY_SECONDS)
  long retrySeconds;

  @Inject
  @ConfigProperty(name = TIMEOUT_MILLIS)
  long timeoutMillis;

  /** The configured source. */
  public PriceSource source() {
    return PriceSource.parse(source)
        .orElseThrow(() -> new IllegalStateException(SOURCE + " is invalid: " + source));
  }

  /** The operator's fixed price, if one is set. */
  public Optional<BigDecimal> fixedPrice() {
    return fixed.map(String::trim).filter(text -> !text.isEmpty()).map(BigDecimal::new);
  }

  /** Base URL of the Upbit API. */
  public String upbitUrl() {
    return upbitUrl.trim();
  }

  /** Base URL of the blockchain.info API. */
  public String blockchainUrl() {
    return blockchainUrl.trim();
  }

  /** Base URL of the Coinbase API. */
  public String coinbaseUrl() {
    return coinbaseUrl.trim();
  }

  /** How long a fetched price is reused before the feed is asked again. */
  public Duration cacheFor() {
    return Duration.ofSeconds(cacheSeconds);
  }

  /** How old the last good price may get while the feed fails before nothing is priced. */
  public Duration maxAge() {
    return Duration.ofSeconds(maxAgeSeconds);
  }

  /** How long the feed is left alone after a failed fetch. */
  public Duration retryAfter() {
    return Duration.ofSeconds(retrySeconds);
  }

  /** Deadline of one request to a feed. */
  public Duration timeout() {
    return Duration.ofMillis(timeoutMillis);
  }

  /**
   * Declares the rules for this feature's settings: first the ones {@link ConfigCheck} has no words
   * for (see {@link #violations}), then the URLs and periods.
   */
  @Override
  public void declare(ConfigCheck check) {
    violations(check::raw).forEach(check::violation);
    check.httpUrl(UPBIT_URL);
    check.httpUrl(BLOCKCHAIN_URL);
    check.httpUrl(COINBASE_URL);
    check.nonNegativeLong(CACHE_SECONDS);
    check.positiveLong(MAX_AGE_SECONDS);
    check.notAbove(CACHE_SECONDS, MAX_AGE_SECONDS);
    check.nonNegativeLong(RETRY_SECONDS);
    check.positiveLong(TIMEOUT_MILLIS);
  }

  /**
   * The rules {@link ConfigCheck} has no words for: the source is one of {@link PriceSource}, and a
   * fixed price, when set, is a positive decimal number.
   *
   * @param source the raw text of a key, or empty when it has no value
   * @return one message per violation, each naming its key
   */
  static List<String> violations(Function<String, Optional<String>> source) {
    List<String> violations = new ArrayList<>();
    Optional<String> chosen = source.apply(SOURCE).filter(text -> !text.isBlank());
    if (chosen.isEmpty()) {
      violations.add(SOURCE + " is required but has no value");
    } else if (PriceSource.parse(chosen.get()).isEmpty()) {
      violations.add(
          SOURCE + " must be one of " + PriceSource.choices() + ", got '" + chosen.get() + "'");
    }
    source
        .apply(FIXED)
        .filter(text -> !text.isBlank())
        .ifPresent(
            text -> {
              BigDecimal price;
              try {
                price = new BigDecimal(text.trim());
              } catch (NumberFormatException e) {
                price = null;
              }
              if (price == null || price.signum() <= 0) {
                violations.add(
                    FIXED
                        + " must be a positive number of currency units per BTC, got '"
                        + text
                        + "'");
              }
            });
    return violations;
  }
}
