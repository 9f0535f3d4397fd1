package org.openpleb.ee.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.openpleb.cashu.crypto.Secp256k1Backends;
import org.openpleb.ee.platform.PlatformConfig;
import org.openpleb.ee.wallet.QuoteNotifications;

/**
 * The application is deployed and answering. Deliberately independent of the database and the mint:
 * restarting the process would not fix those.
 */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

  @Inject PlatformConfig platform;

  @Inject QuoteNotifications notifications;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("openpleb-live")
        .up()
        .withData("version", platform.version())
        // which secp256k1 back end runs: "native" (libsecp256k1) or "java" (the slower fallback)
        .withData("secp256k1", Secp256k1Backends.active().name())
        // NUT-17: OFF, IDLE, CONNECTING, OPEN, DOWN (polling only until reopened) or NOT_OFFERED
        .withData(
            "mintSubscriptions", notifications.status().map(s -> s.link().name()).orElse("OFF"))
        .withData(
            "mintSubscriptionsWatched", notifications.status().map(s -> s.watched()).orElse(0))
        .build();
  }
}
