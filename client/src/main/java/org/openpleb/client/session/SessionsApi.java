package org.openpleb.client.session;

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
 * {@code /api/sessions}: the user login. Most programs call {@link
 * org.openpleb.client.OpenPlebClient#login(UserKey)}, which does the challenge, the proof of work,
 * the signature and the login in one go. {@code authorization} is {@link Bearer#of(String)} of the
 * session's token.
 */
@Path("/api/sessions")
@Produces(MediaType.APPLICATION_JSON)
public interface SessionsApi {

  /** A one-time login challenge and the proof of work it asks for (200). */
  @POST
  @Path("challenge")
  Challenge challenge();

  /** Opens a session for a signed challenge (201, {@code Location: /api/sessions/current}). */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  LoginResponse login(LoginRequest request);

  /** The session of the token. */
  @GET
  @Path("current")
  SessionInfo current(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

  /** Logs out: the token stops working at once (204). */
  @DELETE
  @Path("current")
  void logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
