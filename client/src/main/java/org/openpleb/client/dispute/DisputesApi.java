package org.openpleb.client.dispute;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.openpleb.client.offer.Offer;

/**
 * {@code /api/admin/disputes}, for the admin: {@code authorization} is {@link
 * org.openpleb.client.session.Bearer#of(String)} of an admin token.
 */
@Path("/api/admin/disputes")
@Produces(MediaType.APPLICATION_JSON)
public interface DisputesApi {

  /** Offers in {@code DISPUTED}, oldest first, with the maker's feedback and the taker's answer. */
  @GET
  List<Offer> open(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size);

  /** Resolves a dispute and settles it at once; 409 unless the offer is {@code DISPUTED}. */
  @POST
  @Path("{id}/resolution")
  @Consumes(MediaType.APPLICATION_JSON)
  Offer resolve(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("id") String id,
      ResolutionRequest request);
}
