package org.openpleb.client.treasury;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/admin/treasury}, for the admin: {@code authorization} is {@link
 * org.openpleb.client.session.Bearer#of(String)} of an admin token.
 */
@Path("/api/admin/treasury")
@Produces(MediaType.APPLICATION_JSON)
public interface TreasuryApi {

  /** The treasury's balance read now, what settlements gave the platform, latest withdrawals. */
  @GET
  TreasuryOverview overview(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

  /** A Cashu token from the treasury's spendable sats (200); 409 when it holds less. */
  @POST
  @Path("withdrawals")
  @Consumes(MediaType.APPLICATION_JSON)
  TreasuryWithdrawal withdraw(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      TreasuryWithdrawalRequest request);
}
