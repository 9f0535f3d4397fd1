package org.openpleb.ee.pricing;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.ee.platform.PlatformConfig;
import org.openpleb.ee.platform.PlatformEventKind;
import org.openpleb.ee.platform.PlatformEventLog;

/**
 * Tells the operator when the platform starts where prices come from (the settings were checked
 * before, {@link PriceFeedConfig} being a settings rule): a fixed price is announced with a WARNING
 * and an UNSAFE_SETTING entry in the event log, because offers are then not priced at the market.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PriceFeedStartup {

  private static final Logger LOG = Logger.getLogger(PriceFeedStartup.class.getName());

  @Inject PriceFeedConfig config;

  @Inject PlatformConfig platform;

  @EJB PlatformEventLog events;

  @PostConstruct
  void announce() {
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
}
