package org.openpleb.ee.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openpleb.ee.admission.AdmissionConfig;
import org.openpleb.ee.events.LiveEventsConfig;
import org.openpleb.ee.idempotency.IdempotencyConfig;
import org.openpleb.ee.offer.TradeConfig;
import org.openpleb.ee.pricing.PriceFeedConfig;
import org.openpleb.ee.pricing.PricingConfig;
import org.openpleb.ee.session.SessionConfig;
import org.openpleb.ee.settlement.SettlementConfig;
import org.openpleb.ee.wallet.QuoteSubscriptionConfig;
import org.openpleb.ee.wallet.WalletConfig;

class ConfigurationGuardTest {

  /**
   * Every feature's rules that read the raw settings (the admin, footprint and capacity rules check
   * their bean's converted fields and are tested with those beans).
   */
  private static final List<SettingsRule> RULES =
      List.of(
          new PlatformConfig(),
          new DatabaseConfig(),
          new BodyLimitConfig(),
          new AdmissionConfig(),
          new PricingConfig(),
          new PriceFeedConfig(),
          new SessionConfig(),
          new WalletConfig(),
          new IdempotencyConfig(),
          new LiveEventsConfig(),
          new TradeConfig(),
          new SettlementConfig(),
          new QuoteSubscriptionConfig());

  private final Map<String, String> settings = new HashMap<>();

  @BeforeEach
  void startFromTheShippedDefaults() throws IOException {
    Properties defaults = new Properties();
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
      defaults.load(in);
    }
    defaults.stringPropertyNames().forEach(key -> settings.put(key, defaults.getProperty(key)));
  }

  private List<String> violations() {
    return ConfigurationGuard.inspect(key -> Optional.ofNullable(settings.get(key)), RULES)
        .violations();
  }

  @Test
  void theShippedDefaultsAreValid() {
    assertEquals(List.of(), violations());
  }

  @Test
  void theShippedDefaultsCarryOpenPlebsFeesAndTheCapacityLimits() {
    assertEquals("1", settings.get("OPENPLEB_PLATFORM_FEE_PERCENTAGE"));
    assertEquals("100", settings.get("OPENPLEB_PLATFORM_FEE_FLAT_RATE"));
    assertEquals("2", settings.get("OPENPLEB_TAKER_FEE_PERCENTAGE"));
    assertEquals("100", settings.get("OPENPLEB_TAKER_FEE_FLAT_RATE"));
    assertEquals("10", settings.get("OPENPLEB_BOND_PERCENTAGE"));
    assertEquals("500", settings.get("OPENPLEB_BOND_FLAT_RATE"));
    assertEquals("100000", settings.get("OPENPLEB_MAX_FIAT_AMOUNT"));
    assertEquals("KRW", settings.get("OPENPLEB_CURRENCY"));
    assertEquals("3600", settings.get("SESSION_EXPIRY"));
    assertEquals("600", settings.get("SESSION_LIMIT"));
    assertEquals("200", settings.get("WALLET_CACHE_SIZE"));
    assertEquals("300000", settings.get("WALLET_CLEANUP_INTERVAL"));
    assertEquals("60000", settings.get("WALLET_INFLIGHT_SWEEP_INTERVAL"));
    assertEquals("10", settings.get("DATABASE_POOL_SIZE"));
    assertEquals("2", settings.get("DATABASE_POOL_MIN"));
    assertEquals("30000", settings.get("DATABASE_POOL_IDLE_TIMEOUT"));
  }

  @Test
  void theMintUrlHasNoDefaultSoTheDevMintIsNoticed() {
    assertTrue(!settings.containsKey("OPENPLEB_MINT_URL"));
    assertEquals("http://127.0.0.1:3338", settings.get("openpleb.dev-mint-url"));
  }

  @ParameterizedTest
  @CsvSource({
    "OPENPLEB_PLATFORM_FEE_PERCENTAGE, -1",
    "OPENPLEB_TAKER_FEE_PERCENTAGE, 101",
    "OPENPLEB_BOND_PERCENTAGE, ten",
    "OPENPLEB_BOND_FLAT_RATE, -500",
    "OPENPLEB_TAKER_FEE_FLAT_RATE, 1.5",
    "OPENPLEB_MAX_FIAT_AMOUNT, 0",
    "OPENPLEB_CURRENCY, KRWX",
    "OPENPLEB_MINT_URL, ftp://mint.example",
    "OPENPLEB_MINT_URL, not a url",
    "SESSION_EXPIRY, 0",
    "SESSION_EXPIRY, 1h",
    "SESSION_LIMIT, 99999999999",
    "WALLET_CACHE_SIZE, 0",
    "WALLET_CACHE_SIZE, abc",
    "WALLET_CLEANUP_INTERVAL, -300000",
    "WALLET_INFLIGHT_SWEEP_INTERVAL, 0",
    "WALLET_INFLIGHT_SWEEP_INTERVAL, 1m",
    "WALLET_MAX_TOKEN_SATS, 0",
    "WALLET_MAX_TOKEN_SATS, 2100000000000001",
    "WALLET_MAX_TOKEN_PROOFS, 0",
    "WALLET_MAX_TOKEN_PROOFS, 1001",
    "DATABASE_POOL_SIZE, 0",
    "DATABASE_POOL_MIN, -1",
    "DATABASE_POOL_IDLE_TIMEOUT, 30s",
    "MINT_SUBSCRIPTIONS, -1",
    "MINT_SUBSCRIPTIONS, 100001",
    "MINT_SUBSCRIPTIONS, off",
    "MINT_SUBSCRIPTION_BACKOFF_MAX, 999",
    "MINT_SUBSCRIPTION_BACKOFF_MAX, 30s",
  })
  void anInvalidValueIsReportedUnderItsKey(String key, String value) {
    settings.put(key, value);

    List<String> violations = violations();

    assertEquals(1, violations.size(), () -> violations.toString());
    assertTrue(violations.get(0).startsWith(key + " must be"), violations.get(0));
    assertTrue(violations.get(0).contains("'" + value + "'"), violations.get(0));
  }

  @Test
  void aMissingRequiredKeyIsReportedUnderItsName() {
    settings.remove("SESSION_LIMIT");

    assertEquals(List.of("SESSION_LIMIT is required but has no value"), violations());
  }

  @Test
  void theApiJsonLimitMustBePositive() {
    settings.put("API_JSON_MAX_BYTES", "0");

    assertEquals(
        List.of("API_JSON_MAX_BYTES must be a whole number from 1 to 2147483647, got '0'"),
        violations());
  }

  @Test
  void theRetiredOfferJsonLimitIsNotSilentlyIgnored() {
    settings.put("OFFER_JSON_MAX_BYTES", "1024");

    assertEquals(
        List.of(
            "OFFER_JSON_MAX_BYTES was renamed API_JSON_MAX_BYTES; set API_JSON_MAX_BYTES instead"),
        violations());
  }

  @Test
  void aPoolThatKeepsMoreThanItMayHoldIsRefused() {
    settings.put("DATABASE_POOL_MIN", "20");

    assertEquals(
        List.of("DATABASE_POOL_MIN (20) must not exceed DATABASE_POOL_SIZE (10)"), violations());
  }

  @Test
  void anExplicitMintUrlAndFractionalPercentagesAreAccepted() {
    settings.put("OPENPLEB_MINT_URL", "https://mint.example.org/cashu");
    settings.put("OPENPLEB_TAKER_FEE_PERCENTAGE", "2.5");
    settings.put("OPENPLEB_CURRENCY", "EUR");

    assertEquals(List.of(), violations());
  }

  @Test
  void enforcingRefusesToStartAndNamesEveryOffendingKey() {
    settings.put("WALLET_CACHE_SIZE", "0");
    settings.put("OPENPLEB_BOND_PERCENTAGE", "-10");

    ConfigCheck check =
        ConfigurationGuard.inspect(key -> Optional.ofNullable(settings.get(key)), RULES);
    InvalidSettingsException refused = assertThrows(InvalidSettingsException.class, check::enforce);

    assertTrue(refused.getMessage().contains("WALLET_CACHE_SIZE"), refused.getMessage());
    assertTrue(refused.getMessage().contains("OPENPLEB_BOND_PERCENTAGE"), refused.getMessage());
    assertEquals(2, refused.violations().size());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "OPENPLEB_FORFEITED_BOND_TO|TAKER|OPENPLEB_FORFEITED_BOND_TO must be PLATFORM or MAKER, not"
            + " 'TAKER'",
        "OFFER_SETTLEMENT_LEASE|0|OFFER_SETTLEMENT_LEASE must be a whole number of at least 1, got"
            + " '0'",
        "OFFER_TIMEOUT_CLAIMED|-5|OFFER_TIMEOUT_CLAIMED must be a whole number of at least 1, got"
            + " '-5'",
        "OPENPLEB_EVENTS_HEARTBEAT_SECONDS|0|OPENPLEB_EVENTS_HEARTBEAT_SECONDS must be a whole"
            + " number of at least 1, got '0'",
        "IDEMPOTENCY_RETENTION|0|IDEMPOTENCY_RETENTION must be a whole number of at least 1, got"
            + " '0'",
      })
  void theRulesOnceCheckedByTheirOwnStartupBeansAreOnTheSameList(
      String key, String value, String violation) {
    settings.put(key, value);

    assertEquals(List.of(violation), violations());
  }

  @Test
  void aRuleOfTheFeaturesOwnIsReportedAsItsBeanWordsIt() {
    ConfigCheck check =
        ConfigurationGuard.inspect(
            key -> Optional.empty(), List.of(c -> c.violation("A_KEY is wrong")));

    assertEquals(List.of("A_KEY is wrong"), check.violations());
  }
}
