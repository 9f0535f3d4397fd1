package org.openpleb.ee.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.openpleb.ee.platform.DatabaseProbe;
import org.openpleb.ee.platform.DatabaseStatus;

/**
 * Ready only while the shared database answers a query through the application's pool: sessions,
 * offers and live counts all live there.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  @Inject DatabaseProbe probe;

  @Override
  public HealthCheckResponse call() {
    DatabaseStatus status = probe.probe();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("openpleb-database")
            .status(status.reachable())
            .withData("latencyMillis", status.latency().toMillis());
    status.product().ifPresent(product -> response.withData("database", product));
    status.failure().ifPresent(failure -> response.withData("failure", failure));
    return response.build();
  }
}
