package org.openpleb.ee.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks the admin and capacity-report settings when the platform starts: a malformed password
 * hash, only one of the two credentials, or an invalid footprint figure fails the deployment with
 * the key's name; otherwise one line tells the operator whether admin login is on.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AdminSettingsCheck {

  private static final Logger LOG = Logger.getLogger(AdminSettingsCheck.class.getName());

  @Inject AdminConfig admin;

  @Inject FootprintConfig footprint;

  @PostConstruct
  void inspect() {
    admin
        .problem()
        .or(footprint::problem)
        .ifPresent(
            problem -> {
              LOG.log(Level.SEVERE, "Refusing to start: {0}", problem);
              throw new IllegalStateException(problem);
            });
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
