package org.openpleb.ee.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Applies every feature's {@link SettingsRule} the moment CDI starts the application, ahead of the
 * beans created at that moment (the price service, the metrics and live-event beans read settings
 * as they are created) and so long before the EJB startup beans: an invalid setting fails the
 * deployment with one message naming every offending key. {@link ConfigurationGuard} is the EJB the
 * startup beans depend on; it only confirms that this check has passed.
 */
@ApplicationScoped
public class EarlySettingsCheck {

  private static final Logger LOG = Logger.getLogger(EarlySettingsCheck.class.getName());

  @Inject Config config;

  @Inject Instance<SettingsRule> rules;

  @PostConstruct
  void inspect() {
    ConfigCheck check =
        ConfigurationGuard.inspect(key -> config.getOptionalValue(key, String.class), rules);
    if (!check.violations().isEmpty()) {
      LOG.log(Level.SEVERE, "Refusing to start: {0}", String.join("; ", check.violations()));
    }
    check.enforce();
    LOG.info("OpenPleb settings are valid");
  }

  void onApplicationStart(
      @Observes
          @Priority(Interceptor.Priority.PLATFORM_BEFORE)
          @Initialized(ApplicationScoped.class)
          Object event) {
    // the observer's only job is to make the container create this bean first
  }

  /** Returns once the settings were found valid (creating this bean runs the check if need be). */
  public void confirm() {
    // the check ran when this bean was created; an invalid setting never gets here
  }
}
