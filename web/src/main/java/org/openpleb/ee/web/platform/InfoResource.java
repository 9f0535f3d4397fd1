package org.openpleb.ee.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpleb.ee.platform.DatabaseConfig;
import org.openpleb.ee.platform.PlatformConfig;
import org.openpleb.ee.pricing.PriceFeedConfig;
import org.openpleb.ee.pricing.PricingConfig;
import org.openpleb.ee.session.SessionConfig;
import org.openpleb.ee.wallet.WalletConfig;

/** The platform's public self-description: version, currency, fees, bonds, mint and limits. */
@Path("info")
@ApplicationScoped
public class InfoResource {

  @Inject PlatformConfig platform;

  @Inject PricingConfig pricing;

  @Inject SessionConfig sessions;

  @Inject WalletConfig wallets;

  @Inject DatabaseConfig database;

  @Inject PriceFeedConfig priceFeed;

  /** Describes the platform as it is configured right now. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Tag(ref = "platform")
  @Operation(
      summary = "Describe the platform",
      description =
          "Version, currency, fee and bond schedule, the Cashu mint (with a warning while the"
              + " development mint is in use), the capacity limits and the bitcoin price's source"
              + " (with a warning while it is fixed).")
  @APIResponse(
      responseCode = "200",
      description = "The platform's configuration",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PlatformInfo.class)))
  public PlatformInfo info() {
    return PlatformInfo.describe(platform, pricing, sessions, wallets, database, priceFeed);
  }
}
