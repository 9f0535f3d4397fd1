package org.openpleb.ee.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.openpleb.ee.admission.AdmissionConfig;
import org.openpleb.ee.pricing.PricingConfig;
import org.openpleb.ee.session.SessionConfig;
import org.openpleb.ee.wallet.WalletConfig;

/**
 * The first thing the platform does when it starts: inspect every setting and refuse to deploy when
 * one is invalid, naming the key, before the schema is touched or a session is served.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConfigurationGuard {

  private static final Logger LOG = Logger.getLogger(ConfigurationGuard.class.getName());

  @Inject Config config;

  @PostConstruct
  void inspectSettings() {
    ConfigCheck check = inspect(key -> config.getOptionalValue(key, String.class));
    if (!check.violations().isEmpty()) {
      LOG.log(Level.SEVERE, "Refusing to start: {0}", String.join("; ", check.violations()));
    }
    check.enforce();
    LOG.info("OpenPleb settings are valid");
  }

  /**
   * Applies every feature's rules to settings read from {@code source}.
   *
   * @param source the raw text of a key, or empty when it has no value
   * @return the finished inspection; {@link ConfigCheck#enforce()} throws if it found violations
   */
  public static ConfigCheck inspect(Function<String, Optional<String>> source) {
    ConfigCheck check = new ConfigCheck(source);
    PlatformConfig.validate(check);
    AdmissionConfig.validate(check);
    PricingConfig.validate(check);
    SessionConfig.validate(check);
    WalletConfig.validate(check);
    DatabaseConfig.validate(check);
    BodyLimitConfig.validate(check);
    return check;
  }
}
