package org.openpleb.ee.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the shared database's schema up to date with Flyway before anything else uses it. Runs
 * outside a JTA transaction because Flyway commits each migration itself; a failed migration fails
 * the deployment.
 */
@Singleton
@Startup
@DependsOn("ConfigurationGuard")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrator {

  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

  /** Where the SQL migrations live, inside the EJB jar. */
  public static final String LOCATION = "classpath:db/migration";

  @Resource(lookup = "jdbc/openpleb")
  DataSource dataSource;

  private volatile SchemaStatus status;

  @PostConstruct
  void migrate() {
    Flyway flyway =
        Flyway.configure(getClass().getClassLoader())
            .dataSource(dataSource)
            .locations(LOCATION)
            .load();
    MigrateResult result = flyway.migrate();
    MigrationInfo current = flyway.info().current();
    String version = current == null ? "none" : current.getVersion().getVersion();
    status = new SchemaStatus(version, result.migrationsExecuted);
    LOG.info(
        () ->
            "Database schema at version "
                + version
                + " ("
                + result.migrationsExecuted
                + " migration(s) applied now, "
                + result.databaseType
                + ")");
  }

  /** The schema's state, present once migration has finished. */
  @Lock(LockType.READ)
  public Optional<SchemaStatus> status() {
    return Optional.ofNullable(status);
  }
}
