package org.openpleb.client.pricing;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/prices} and {@code /api/pricing}: public, no token needed. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public interface PricingApi {

  /** The current bitcoin price; 503 {@code PRICE_UNAVAILABLE} while the feed is stale. */
  @GET
  @Path("prices/current")
  Price current();

  /** Prices an offer with exactly the arithmetic offer creation uses. */
  @POST
  @Path("pricing/quote")
  @Consumes(MediaType.APPLICATION_JSON)
  Quote quote(QuoteRequest request);
}
