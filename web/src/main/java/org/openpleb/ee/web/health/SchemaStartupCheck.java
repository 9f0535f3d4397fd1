package org.openpleb.ee.web.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Startup;
import org.openpleb.ee.platform.SchemaMigrator;

/** Started once Flyway has brought the shared database's schema up to date. */
@Startup
@ApplicationScoped
public class SchemaStartupCheck implements HealthCheck {

  @EJB SchemaMigrator schema;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("openpleb-schema");
    schema
        .status()
        .ifPresentOrElse(
            status ->
                response
                    .up()
                    .withData("version", status.version())
                    .withData("migrationsApplied", status.migrationsApplied()),
            response::down);
    return response.build();
  }
}
