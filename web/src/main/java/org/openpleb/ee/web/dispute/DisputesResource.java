package org.openpleb.ee.web.dispute;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpleb.ee.dispute.DisputeDesk;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.web.auth.AdminOnly;
import org.openpleb.ee.web.auth.CurrentAdmin;
import org.openpleb.ee.web.http.ApiSecurity;
import org.openpleb.ee.web.offer.OfferMapper;
import org.openpleb.ee.web.offer.OfferRepresentation;
import org.openpleb.ee.web.offer.PartyRole;

/**
 * Disputes for the admin: what is open and how it ends. Both answer with the API's one offer
 * representation, as the admin sees it.
 */
@Path("admin/disputes")
@ApplicationScoped
@Tag(name = "disputes")
public class DisputesResource {

  @EJB DisputeDesk desk;

  @Inject CurrentAdmin admin;

  @Inject OfferMapper mapper;

  /** Open disputes. */
  @GET
  @AdminOnly
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = ApiSecurity.BEARER)
  @Operation(
      summary = "Open disputes",
      description =
          "Offers in DISPUTED, oldest first, with the maker's feedback and the taker's answer;"
              + " page from 0, size 1 to 100. The receipt image is at"
              + " GET /api/offers/{id}/receipt, the audit log at GET /api/offers/{id}/audit. Admin"
              + " only (a user's token: 403).")
  @APIResponse(
      responseCode = "200",
      description = "The open disputes, as the admin sees them.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(type = SchemaType.ARRAY, implementation = OfferRepresentation.class)))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public List<OfferRepresentation> open(
      @Parameter(description = "The page, from 0.") @QueryParam("page") @DefaultValue("0") int page,
      @Parameter(description = "Disputes per page, 1 to 100.")
          @QueryParam("size")
          @DefaultValue("50")
          int size) {
    return desk.open(page, size).stream()
        .map(offer -> mapper.forParty(offer, PartyRole.ADMIN))
        .toList();
  }

  /** Resolves a dispute. */
  @POST
  @Path("{id}/resolution")
  @AdminOnly
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = ApiSecurity.BEARER)
  @Operation(
      summary = "Resolve a dispute",
      description =
          "resolution MAKER_WINS (the maker gets S + T + 2B), TAKER_WINS (the taker gets"
              + " S + T + 2B), SPLIT (half each, the odd sat to the platform) or RETURN (maker"
              + " S + T + B, taker B); the platform keeps P on every path. reason is required."
              + " Only for offers in DISPUTED (409 otherwise, also for a second resolution); the"
              + " payout is settled at once. Admin only (a user's token: 403).")
  @APIResponse(
      responseCode = "200",
      description = "The offer in RESOLVED with its settlement, as the admin sees it.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OfferRepresentation.class)))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public OfferRepresentation resolve(
      @Parameter(description = "The disputed offer's id.", required = true) @PathParam("id")
          String id,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ResolutionRequest.class),
                      examples = {
                        @ExampleObject(
                            name = "split",
                            summary = "Both sides share the stakes",
                            value =
                                "{\"resolution\": \"SPLIT\", \"reason\": \"the bank shows half"
                                    + " of the amount\"}"),
                        @ExampleObject(
                            name = "taker-wins",
                            summary = "The receipt is genuine",
                            value =
                                "{\"resolution\": \"TAKER_WINS\", \"reason\": \"receipt checked"
                                    + " against the bank statement\"}")
                      }))
          ResolutionRequest request) {
    if (request == null) {
      throw new DomainException(
          ProblemCode.VALIDATION_FAILED, "resolution and reason are required");
    }
    return mapper.forParty(
        desk.resolve(id, admin.principal().user(), request.resolution(), request.reason()),
        PartyRole.ADMIN);
  }
}
