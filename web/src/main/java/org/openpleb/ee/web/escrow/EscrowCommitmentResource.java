package org.openpleb.ee.web.escrow;

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
import org.openpleb.ee.custody.commitment.EscrowCommitments;

/** The latest escrow commitment, for anyone. */
@Path("escrow")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class EscrowCommitmentResource {

  @Inject EscrowCommitments commitments;

  /** The latest published root, total and time. */
  @GET
  @Path("commitment")
  @Tag(ref = "escrow")
  @Operation(
      summary = "Latest escrow commitment",
      description =
          "The root of the newest Merkle-sum tree over every hold an offer has in the wallets"
              + " (the maker's escrow, the taker's bond), its total in sats, how many holds it"
              + " covers and when it was built; published by every reconciliation run."
              + " A party checks its offer against it with GET /api/offers/{id}/escrow-proof."
              + " 404 before the first commitment.")
  @APIResponse(
      responseCode = "200",
      description = "The latest commitment.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EscrowCommitmentView.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public EscrowCommitmentView latest() {
    return EscrowCommitmentView.of(commitments.latest());
  }
}
