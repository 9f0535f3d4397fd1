package org.openpleb.ee.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The first thing the platform does when it starts: apply every feature's {@link SettingsRule} and
 * refuse to deploy when a setting is invalid, naming the key, before the schema is touched or a
 * session is served. The rules are found through CDI, so this package knows no feature; startup
 * beans that read settings depend on this bean (directly or through {@code SchemaMigrator}).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConfigurationGuard {

  private static final Logger LOG = Logger.getLogger(ConfigurationGuard.class.getName());

  @Inject Config config;

  @Inject Instance<SettingsRule> rules;

  @PostConstruct
  void inspectSettings() {
    ConfigCheck check = inspect(key -> config.getOptionalValue(key, String.class), rules);
    if (!check.violations().isEmpty()) {
      LOG.log(Level.SEVERE, "Refusing to start: {0}", String.join("; ", check.violations()));
    }
    check.enforce();
    LOG.info("OpenPleb settings are valid");
  }

  /**
   * Applies {@code rules} to settings read from {@code source}, in the order of the rules' class
   * names so that the operator sees the same list on every start.
   *
   * @param source the raw text of a key, or empty when it has no value
   * @param rules every feature's rules
   * @return the finished inspection; {@link ConfigCheck#enforce()} throws if it found violations
   */
  public static ConfigCheck inspect(
      Function<String, Optional<String>> source, Iterable<? extends SettingsRule> rules) {
    List<SettingsRule> ordered = new ArrayList<>();
    rules.forEach(ordered::add);
    ordered.sort(Comparator.comparing(rule -> rule.getClass().getName()));
    ConfigCheck check = new ConfigCheck(source);
    ordered.forEach(rule -> rule.declare(check));
    return check;
  }
}
