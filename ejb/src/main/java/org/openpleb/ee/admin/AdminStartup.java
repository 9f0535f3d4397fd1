package org.openpleb.ee.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the operator at startup whether admin login is on. The settings themselves are checked by
 * {@link AdminConfig} and {@link FootprintConfig} as settings rules, before this runs.
 */
@Singleton
@Startup
@DependsOn("ConfigurationGuard")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AdminStartup {

  private static final Logger LOG = Logger.getLogger(AdminStartup.class.getName());

  @Inject AdminConfig admin;

  @PostConstruct
  void announce() {
    if (admin.enabled()) {
      LOG.log(
          Level.INFO,
          "Admin login enabled for user {0}; admin sessions last {1} s",
          new Object[] {admin.user().orElseThrow(), admin.sessionExpiry().getSeconds()});
    } else {
      LOG.info(
          "Admin login disabled: set "
              + AdminConfig.ADMIN_USER
              + " and "
              + AdminConfig.ADMIN_PASSWORD_HASH
              + " to enable it");
    }
  }
}
