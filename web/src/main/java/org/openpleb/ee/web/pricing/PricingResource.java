package org.openpleb.ee.web.pricing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.PlatformConfig;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.pricing.OfferPricing;
import org.openpleb.ee.pricing.PriceService;

/**
 * Prices offers before they are made, so a maker sees the whole cost (sats, fees, bond) and a taker
 * sees the bond, with exactly the arithmetic offer creation will use, at the current price unless
 * the request names another.
 */
@Path("pricing")
@ApplicationScoped
public class PricingResource {

  @Inject OfferPricing pricing;

  @Inject PlatformConfig platform;

  @Inject PriceService prices;

  /**
   * Quotes an offer of {@code fiatAmount} at {@code btcPrice}, or at the current price when the
   * request names none.
   */
  @POST
  @Path("quote")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Tag(ref = "pricing")
  @Operation(
      summary = "Price an offer",
      description =
          "Sats equivalent (rounded up), platform fee, taker fee, bond and the maker's total"
              + " funding for fiatAmount at a bitcoin price: btcPrice when the request names one,"
              + " otherwise the server's current price (as GET /api/prices/current shows it, the"
              + " price a new offer is created at). The answer's btcPrice is the price used."
              + " Amounts above OPENPLEB_MAX_FIAT_AMOUNT are refused with VALIDATION_FAILED; 503"
              + " PRICE_UNAVAILABLE (with Retry-After) when no btcPrice is given and the server"
              + " has no current price.")
  @APIResponse(
      responseCode = "200",
      description = "The quote, and the price it was made at",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = QuoteResponse.class),
              examples =
                  @ExampleObject(
                      name = "at the current price",
                      value =
                          "{\"currency\":\"KRW\",\"fiatAmount\":10000,\"btcPrice\":150000000,"
                              + "\"sats\":6667,\"platformFee\":167,\"takerFee\":234,"
                              + "\"bond\":1167,\"makerFunding\":8235,\"takerBond\":1167}")))
  public QuoteResponse quote(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = QuoteRequest.class),
                      examples = {
                        @ExampleObject(
                            name = "at the current price",
                            value = "{\"fiatAmount\":10000}"),
                        @ExampleObject(
                            name = "at a given price",
                            value = "{\"fiatAmount\":10000,\"btcPrice\":150000000}")
                      }))
          QuoteRequest request) {
    if (request == null || request.fiatAmount() == null) {
      throw new DomainException(ProblemCode.VALIDATION_FAILED, "fiatAmount is required");
    }
    BigDecimal price =
        request.btcPrice() != null ? request.btcPrice() : prices.current().fiatPerBtc();
    return QuoteResponse.of(
        platform.currency().getCurrencyCode(),
        request.fiatAmount(),
        price,
        pricing.quote(request.fiatAmount(), price));
  }
}
