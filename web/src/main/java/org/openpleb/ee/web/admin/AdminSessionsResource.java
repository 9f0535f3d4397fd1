package org.openpleb.ee.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpleb.ee.admin.AdminLogin;
import org.openpleb.ee.admission.LimitName;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.web.admission.CurrentClient;
import org.openpleb.ee.web.admission.RateLimited;
import org.openpleb.ee.web.auth.AdminOnly;
import org.openpleb.ee.web.auth.CurrentAdmin;
import org.openpleb.ee.web.http.ApiSecurity;

/** Login and logout for the operator, with the credentials configured on the server. */
@Path("admin/sessions")
@ApplicationScoped
@Tag(name = "admin")
public class AdminSessionsResource {

  @EJB AdminLogin login;

  @Inject CurrentAdmin current;

  @Inject CurrentClient client;

  /** Opens an admin session. */
  @POST
  @RateLimited(LimitName.ADMIN_LOGIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Admin login",
      description =
          "Checks user and password against OPENPLEB_ADMIN_USER and OPENPLEB_ADMIN_PASSWORD_HASH"
              + " and answers 201 with a bearer token valid for OPENPLEB_ADMIN_SESSION_EXPIRY"
              + " seconds. BAD_CREDENTIALS (401) when wrong; ADMIN_LOGIN_DISABLED (403) while the"
              + " operator configured no credentials. After 3 failures in a row an address waits"
              + " 1, 2, 4 ... s (at most OPENPLEB_ADMIN_LOGIN_BACKOFF_MAX) and the configured user"
              + " at most OPENPLEB_ADMIN_LOGIN_USER_BACKOFF_MAX: 429 TOO_MANY_REQUESTS with"
              + " Retry-After; 503 SERVICE_UNAVAILABLE with Retry-After while"
              + " OPENPLEB_ADMIN_LOGIN_HASH_PERMITS password checks already run.")
  public Response login(AdminLoginRequest request) {
    if (request == null) {
      throw new DomainException(ProblemCode.VALIDATION_FAILED, "user and password are required");
    }
    AdminLoginResponse opened =
        AdminLoginResponse.of(login.login(request.user(), request.password(), client.limitKey()));
    return Response.status(Response.Status.CREATED).entity(opened).build();
  }

  /** Logs the admin out. */
  @DELETE
  @Path("current")
  @AdminOnly
  @SecurityRequirement(name = ApiSecurity.BEARER)
  @Operation(summary = "Admin logout", description = "The admin token stops working. Answers 204.")
  public Response logout() {
    login.logout(current.principal().sessionId());
    return Response.noContent().build();
  }
}
