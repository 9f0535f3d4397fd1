package org.openpleb.ee.web.pricing;

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
import org.openpleb.ee.pricing.PriceService;

/**
 * The bitcoin price new offers are created at, so clients can show costs before a maker commits.
 */
@Path("prices")
@ApplicationScoped
public class PricesResource {

  @Inject PriceService prices;

  /** The current bitcoin price in the platform currency. */
  @GET
  @Path("current")
  @Produces(MediaType.APPLICATION_JSON)
  @Tag(ref = "pricing")
  @Operation(
      summary = "Current bitcoin price",
      description =
          "Fiat units of OPENPLEB_CURRENCY per bitcoin from OPENPLEB_PRICE_SOURCE, as offers are"
              + " priced now; cached for OPENPLEB_PRICE_CACHE_SECONDS. 503 PRICE_UNAVAILABLE (with"
              + " Retry-After) once the feed has failed for longer than"
              + " OPENPLEB_PRICE_MAX_AGE_SECONDS. A fixed price says so in `fixed` and `warning`."
              + " POST /api/pricing/quote without btcPrice quotes at this price.")
  @APIResponse(
      responseCode = "200",
      description = "The current price",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PriceView.class)))
  public PriceView current() {
    return PriceView.of(prices.current(), prices.fixed());
  }
}
