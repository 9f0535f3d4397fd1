package org.openpleb.client.admin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/admin}: the operator's login and capacity report. {@code authorization} is {@link
 * AdminLoginResponse#authorization()}.
 */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
public interface AdminApi {

  /** Admin login (201, {@code Location: /api/admin/sessions/current}). */
  @POST
  @Path("sessions")
  @Consumes(MediaType.APPLICATION_JSON)
  AdminLoginResponse login(AdminLoginRequest request);

  /** Admin logout (204). */
  @DELETE
  @Path("sessions/current")
  void logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

  /** The capacity report. */
  @GET
  @Path("capacity")
  Capacity capacity(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
