package org.openpleb.ee.offer;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.openpleb.ee.platform.ConfigCheck;
import org.openpleb.ee.platform.InvalidSettingsException;

/**
 * Checks the trading settings when the platform starts, before any offer is touched: a timeout,
 * limit or size that is not a positive whole number, or a forfeited-bond policy other than PLATFORM
 * or MAKER, fails the deployment with the key's name.
 */
@Singleton
@Startup
@DependsOn("ConfigurationGuard")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TradeSettingsCheck {

  private static final Logger LOG = Logger.getLogger(TradeSettingsCheck.class.getName());

  @Inject Config config;

  @PostConstruct
  void inspect() {
    ConfigCheck check = new ConfigCheck(key -> config.getOptionalValue(key, String.class));
    TradeConfig.validate(check);
    List<String> violations = new ArrayList<>(check.violations());
    String policy = config.getOptionalValue(TradeConfig.FORFEITED_BOND_TO, String.class).orElse("");
    if (TradeConfig.forfeitedBondPolicy(policy).isEmpty()) {
      violations.add(
          TradeConfig.FORFEITED_BOND_TO + " must be PLATFORM or MAKER, not '" + policy + "'");
    }
    if (!violations.isEmpty()) {
      LOG.log(Level.SEVERE, "Refusing to start: {0}", String.join("; ", violations));
      throw new InvalidSettingsException(violations);
    }
  }
}
