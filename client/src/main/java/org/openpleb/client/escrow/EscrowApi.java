package org.openpleb.client.escrow;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/escrow/commitment} and {@code /api/offers/{id}/escrow-proof}: the latest commitment
 * to the escrow (public) and an offer's branches (its maker and taker only; {@code authorization}
 * is {@link org.openpleb.client.session.Bearer#of(String)} of a session token).
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public interface EscrowApi {

  /** The latest commitment; 404 before the first one. */
  @GET
  @Path("escrow/commitment")
  EscrowCommitment commitment();

  /** The offer's holds in the latest commitment with their branches; 403 for a non-party. */
  @GET
  @Path("offers/{id}/escrow-proof")
  EscrowProof proof(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id);
}
