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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpleb.ee.dispute.DisputeDesk;
import org.openpleb.ee.offer.PartyView;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.web.auth.AdminOnly;
import org.openpleb.ee.web.auth.CurrentAdmin;
import org.openpleb.ee.web.http.ApiSecurity;

/** Disputes for the admin: what is open and how it ends. */
@Path("admin/disputes")
@ApplicationScoped
@Tag(name = "admin")
public class DisputesResource {

  @EJB DisputeDesk desk;

  @Inject CurrentAdmin admin;

  /** Open disputes. */
  @GET
  @AdminOnly
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = ApiSecurity.BEARER)
  @Operation(
      summary = "Open disputes",
      description =
          "Offers in DISPUTED, oldest first, with the maker's feedback and the taker's answer."
              + " The receipt image is at GET /api/offers/{id}/receipt, the audit log at"
              + " GET /api/offers/{id}/audit.")
  public List<PartyView> open(
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    return desk.open(page, size).stream().map(PartyView::of).toList();
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
              + " payout is settled at once.")
  public PartyView resolve(@PathParam("id") String id, ResolutionRequest request) {
    if (request == null) {
      throw new DomainException(
          ProblemCode.VALIDATION_FAILED, "resolution and reason are required");
    }
    return PartyView.of(
        desk.resolve(id, admin.principal().user(), request.resolution(), request.reason()));
  }
}
