package org.openpleb.ee.web.escrow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpleb.ee.custody.commitment.EscrowCommitments;
import org.openpleb.ee.web.auth.Authenticated;
import org.openpleb.ee.web.auth.CurrentSession;
import org.openpleb.ee.web.http.ApiSecurity;

/**
 * An offer's branches of the latest escrow commitment, for its maker and its taker. A resource of
 * its own under the offer's URL, so the escrow feature stays apart from the trade's resource.
 */
@Path("offers/{id}/escrow-proof")
@ApplicationScoped
@Authenticated
@SecurityRequirement(name = ApiSecurity.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class EscrowProofResource {

  @Inject EscrowCommitments commitments;

  @Inject CurrentSession current;

  /** The offer's leaves with their branches. */
  @GET
  @Tag(ref = "escrow")
  @Operation(
      summary = "Escrow proof of an offer",
      description =
          "For the offer's maker and taker only (403 for anyone else): the offer's holds in the"
              + " latest escrow commitment (escrow, then bond once claimed), each a leaf with its"
              + " salt and the NUT-07 Y and amount of every proof backing it, and the sibling"
              + " hashes and sums from the leaf up to the root (see algorithm). Recompute the"
              + " root, compare it and the total with GET /api/escrow/commitment, and ask the"
              + " mint's POST /v1/checkstate that every Y is UNSPENT. holds is empty when the"
              + " offer held nothing when the commitment was built (not funded yet, or settled)."
              + " 404 for an unknown offer or before the first commitment.")
  @APIResponse(
      responseCode = "200",
      description = "The offer's holds with their branches.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EscrowProofView.class)))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public EscrowProofView proof(
      @Parameter(description = "The offer's id.", required = true) @PathParam("id") String id) {
    return EscrowProofView.of(commitments.proofFor(id, current.principal().pubkey()));
  }
}
