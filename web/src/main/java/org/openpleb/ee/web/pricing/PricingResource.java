package org.openpleb.ee.web.pricing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.PlatformConfig;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.pricing.OfferPricing;

/**
 * Prices offers before they are made, so a maker sees the whole cost (sats, fees, bond) and a taker
 * sees the bond, with exactly the arithmetic offer creation will use.
 */
@Path("pricing")
@ApplicationScoped
@Tag(name = "pricing")
public class PricingResource {

  @Inject OfferPricing pricing;

  @Inject PlatformConfig platform;

  /** Quotes an offer of {@code fiatAmount} at {@code btcPrice}. */
  @POST
  @Path("quote")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Price an offer",
      description =
          "Sats equivalent (rounded up), platform fee, taker fee, bond and the maker's total"
              + " funding for a fiat amount at a bitcoin price. Amounts above"
              + " OPENPLEB_MAX_FIAT_AMOUNT are refused with VALIDATION_FAILED.")
  public QuoteResponse quote(QuoteRequest request) {
    if (request == null || request.fiatAmount() == null || request.btcPrice() == null) {
      throw new DomainException(
          ProblemCode.VALIDATION_FAILED, "fiatAmount and btcPrice are both required");
    }
    return QuoteResponse.of(
        platform.currency().getCurrencyCode(),
        request,
        pricing.quote(request.fiatAmount(), request.btcPrice()));
  }
}
