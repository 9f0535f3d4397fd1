package org.openpleb.ee.web.treasury;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.treasury.TreasuryDesk;
import org.openpleb.ee.web.auth.AdminOnly;
import org.openpleb.ee.web.auth.CurrentAdmin;
import org.openpleb.ee.web.http.ApiSecurity;

/** The platform's treasury for the admin: balance and withdrawals. */
@Path("admin/treasury")
@ApplicationScoped
public class TreasuryResource {

  @EJB TreasuryDesk desk;

  @Inject CurrentAdmin admin;

  /** The treasury's balance and books. */
  @GET
  @AdminOnly
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = ApiSecurity.BEARER)
  @Tag(ref = "treasury")
  @Operation(
      summary = "Treasury",
      description =
          "The treasury wallet's balance read now (platform fees and forfeited bonds), what"
              + " finished settlements gave the platform, and the latest withdrawals. FORBIDDEN"
              + " (403) for a user session's token.")
  @APIResponse(
      responseCode = "200",
      description = "The treasury's balance and books",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TreasuryView.class)))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public TreasuryView overview() {
    return TreasuryView.of(desk.overview());
  }

  /** Withdraws from the treasury as a Cashu token. */
  @POST
  @Path("withdrawals")
  @AdminOnly
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = ApiSecurity.BEARER)
  @Tag(ref = "treasury")
  @Operation(
      summary = "Withdraw from the treasury",
      description =
          "Makes a Cashu token of amount sats from the treasury's spendable sats and answers 200"
              + " with it, once (it is not stored; Cache-Control: no-store). 409 INSUFFICIENT_FUNDS"
              + " when the treasury holds less; 403 FORBIDDEN for a user session's token.")
  @APIResponse(
      responseCode = "200",
      description = "The token; whoever holds it owns the sats",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WithdrawalResponse.class),
              examples =
                  @ExampleObject(
                      name = "a treasury token",
                      value = "{\"token\":\"cashuB...\",\"amount\":150,\"fee\":1}")))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response withdraw(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = WithdrawalRequest.class),
                      examples = @ExampleObject(name = "150 sats", value = "{\"amount\":150}")))
          WithdrawalRequest request) {
    if (request == null || request.amount() == null) {
      throw new DomainException(ProblemCode.VALIDATION_FAILED, "amount is required");
    }
    TreasuryDesk.TreasuryToken token = desk.withdraw(admin.principal().user(), request.amount());
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.ok()
        .cacheControl(noStore)
        .entity(new WithdrawalResponse(token.token(), token.amount(), token.fee()))
        .build();
  }

  /**
   * A withdrawn token.
   *
   * @param token the Cashu token, a bearer secret
   * @param amount sats in it
   * @param fee mint fee paid
   */
  @Schema(description = "A token withdrawn from the treasury, handed out once")
  public record WithdrawalResponse(String token, long amount, long fee) {}
}
