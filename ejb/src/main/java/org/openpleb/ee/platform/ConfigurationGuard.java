package org.openpleb.ee.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The first EJB the platform starts: it holds the other startup beans (which depend on it, directly
 * or through {@code SchemaMigrator}) until every feature's {@link SettingsRule} has passed, so an
 * invalid setting stops the deployment, naming the key, before the schema is touched or a session
 * is served. The check itself runs in {@link EarlySettingsCheck}, as soon as CDI starts; the rules
 * are found through CDI, so this package knows no feature.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConfigurationGuard {

  @Inject EarlySettingsCheck settings;

  @PostConstruct
  void inspectSettings() {
    settings.confirm();
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
