package org.openpleb.ee.web.lifecycle;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Logs the ready line when the web module starts, which on Payara Micro is after the EJB module's
 * start-up beans (schema migration, wallets, timers) have run; and, when it stops, deregisters the
 * JDBC drivers this application's class loader registered.
 *
 * <p>The SQLite driver registers itself with the JVM-wide {@link DriverManager} as soon as its
 * class loads, although the wallets open their files through the driver class directly. Left
 * registered, it would pin the application's class loader, and Payara warns about it at shutdown.
 *
 * <p>The listener address and port are not application settings but facts of the start: {@code
 * OPENPLEB_HTTP_ADDRESS} is read by Payara's post-boot commands, {@code openpleb.http.port} is set
 * by {@code openpleb.jar}'s launcher from {@code --port}; both are read as they are, without a
 * default in microprofile-config.properties.
 */
@WebListener
public class ServerLifecycle implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(ServerLifecycle.class.getName());

  @Override
  public void contextInitialized(ServletContextEvent event) {
    Config config = ConfigProvider.getConfig();
    ReadyLine line =
        new ReadyLine(
            config.getOptionalValue("OPENPLEB_HTTP_ADDRESS", String.class).orElse("0.0.0.0"),
            config.getOptionalValue("openpleb.http.port", String.class));
    LOG.info(line.text());
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    ClassLoader ours = ServerLifecycle.class.getClassLoader();
    for (Driver driver : Collections.list(DriverManager.getDrivers())) {
      if (driver.getClass().getClassLoader() == ours) {
        try {
          DriverManager.deregisterDriver(driver);
        } catch (SQLException | SecurityException e) {
          LOG.log(Level.FINE, "Cannot deregister " + driver.getClass().getName(), e);
        }
      }
    }
  }
}
