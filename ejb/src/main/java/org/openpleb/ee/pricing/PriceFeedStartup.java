package org.openpleb.ee.pricing;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.openpleb.ee.platform.ConfigCheck;
import org.openpleb.ee.platform.InvalidSettingsException;
import org.openpleb.ee.platform.PlatformConfig;
import org.openpleb.ee.platform.PlatformEventKind;
import org.openpleb.ee.platform.PlatformEventLog;

/**
 * Checks the price-feed settings when the platform starts and tells the operator where prices come
 * from: an invalid setting fails the deployment naming its key; a fixed price is announced with a
 * WARNING and an UNSAFE_SETTING entry in the event log, because offers are then not priced at the
 * market.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PriceFeedStartup {

  private static final Logger LOG = Logger.getLogger(PriceFeedStartup.class.getName());

  @Inject Config settings;

  @Inject PriceFeedConfig config;

  @Inject PlatformConfig platform;

  @EJB PlatformEventLog events;

  @PostConstruct
  void announce() {
    List<String> violations = inspect(key -> settings.getOptionalValue(key, String.class));
    if (!violations.isEmpty()) {
      LOG.log(Level.SEVERE, "Refusing to start: {0}", String.join("; ", violations));
      throw new InvalidSettingsException(violations);
    }
    String currency = platform.currency().getCurrencyCode();
    if (config.source() == PriceSource.FIXED) {
      String warning =
          PriceFeedConfig.FIXED_WARNING
              + " ("
              + PriceService.fixedPrice(config, platform.currency()).toPlainString()
              + " "
              + currency
              + " per BTC"
              + (config.fixedPrice().isEmpty() ? ", OpenPleb's bootstrap value" : "")
              + ")";
      LOG.warning(warning);
      events.record(PlatformEventKind.UNSAFE_SETTING, warning);
    } else {
      LOG.log(
          Level.INFO,
          "BTC/{0} price from {1}, cached {2} s, refused when older than {3} s",
          new Object[] {
            currency,
            config.source().key(),
            String.valueOf(config.cacheFor().toSeconds()),
            String.valueOf(config.maxAge().toSeconds())
          });
    }
  }

  /**
   * Every violation of the price-feed rules in settings read from {@code source}.
   *
   * @param source the raw text of a key, or empty when it has no value
   */
  public static List<String> inspect(Function<String, Optional<String>> source) {
    ConfigCheck check = new ConfigCheck(source);
    PriceFeedConfig.validate(check);
    List<String> violations = new ArrayList<>(PriceFeedConfig.violations(source));
    violations.addAll(check.violations());
    return violations;
  }
}
