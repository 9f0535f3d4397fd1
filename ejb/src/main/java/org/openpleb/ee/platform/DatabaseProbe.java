package org.openpleb.ee.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Asks the shared database whether it answers: a real query through the application's pool, so
 * readiness goes DOWN when the pool, the network or the database fails.
 */
@ApplicationScoped
public class DatabaseProbe {

  private static final Logger LOG = Logger.getLogger(DatabaseProbe.class.getName());
  private static final int QUERY_TIMEOUT_SECONDS = 5;

  @Resource(lookup = "jdbc/openpleb")
  DataSource dataSource;

  /** Runs {@code SELECT 1} and reports the product behind the pool. */
  public DatabaseStatus probe() {
    long started = System.nanoTime();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      try (ResultSet rows = statement.executeQuery("SELECT 1")) {
        if (!rows.next() || rows.getInt(1) != 1) {
          return DatabaseStatus.down("unexpected answer to SELECT 1", since(started));
        }
      }
      DatabaseMetaData meta = connection.getMetaData();
      String product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
      return DatabaseStatus.up(product, since(started));
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Database probe failed", e);
      String failure = e.getClass().getSimpleName() + " (SQL state " + e.getSQLState() + ")";
      return DatabaseStatus.down(failure, since(started));
    }
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }
}
