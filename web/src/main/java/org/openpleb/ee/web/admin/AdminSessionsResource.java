package org.openpleb.ee.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
public class AdminSessionsResource {

  @EJB AdminLogin login;

  @Inject CurrentAdmin current;

  @Inject CurrentClient client;

  @Context UriInfo uri;

  /** Opens an admin session. */
  @POST
  @RateLimited(LimitName.ADMIN_LOGIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Tag(ref = "admin")
  @Operation(
      summary = "Admin login",
      description =
          "Checks user and password against OPENPLEB_ADMIN_USER and OPENPLEB_ADMIN_PASSWORD_HASH"
              + " and answers 201 with a bearer token valid for OPENPLEB_ADMIN_SESSION_EXPIRY"
              + " seconds, and Location: the absolute URL of /api/admin/sessions/current. BAD_CREDENTIALS (401) when wrong; ADMIN_LOGIN_DISABLED (403) while the"
              + " operator configured no credentials. After 3 failures in a row an address waits"
              + " 1, 2, 4 ... s (at most OPENPLEB_ADMIN_LOGIN_BACKOFF_MAX) and the configured user"
              + " at most OPENPLEB_ADMIN_LOGIN_USER_BACKOFF_MAX: 429 TOO_MANY_REQUESTS with"
              + " Retry-After; 503 SERVICE_UNAVAILABLE with Retry-After while"
              + " OPENPLEB_ADMIN_LOGIN_HASH_PERMITS password checks already run.")
  @APIResponse(
      responseCode = "201",
      description = "The admin session is open; its token is in this answer only",
      headers =
          @Header(
              name = HttpHeaders.LOCATION,
              description = "The admin session's URL, /api/admin/sessions/current",
              schema = @Schema(type = SchemaType.STRING, format = "uri")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AdminLoginResponse.class),
              examples =
                  @ExampleObject(
                      name = "an opened admin session",
                      value =
                          "{\"sessionId\":\"a3d1c9e2-6b7f-4e0a-8c21-9f4b5d6e7a80\","
                              + "\"token\":\"Jr2m0cV7yq9kP4wXzT1bN8sLhD6fGa3eQuYiOo5RtEw\","
                              + "\"expiresAt\":\"2026-12-07T09:30:00Z\"}")))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public Response login(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = AdminLoginRequest.class),
                      examples =
                          @ExampleObject(
                              name = "the operator",
                              value =
                                  "{\"user\":\"operator\",\"password\":\"correct horse"
                                      + " battery staple\"}")))
          AdminLoginRequest request) {
    if (request == null) {
      throw new DomainException(ProblemCode.VALIDATION_FAILED, "user and password are required");
    }
    AdminLoginResponse opened =
        AdminLoginResponse.of(login.login(request.user(), request.password(), client.limitKey()));
    return Response.created(uri.getBaseUriBuilder().path("admin/sessions/current").build())
        .entity(opened)
        .build();
  }

  /** Logs the admin out. */
  @DELETE
  @Path("current")
  @AdminOnly
  @SecurityRequirement(name = ApiSecurity.BEARER)
  @Tag(ref = "admin")
  @Operation(
      summary = "Admin logout",
      description =
          "The admin token stops working. Answers 204; FORBIDDEN (403) for a user session's"
              + " token.")
  @APIResponse(responseCode = "204", description = "Logged out")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public Response logout() {
    login.logout(current.principal().sessionId());
    return Response.noContent().build();
  }
}
