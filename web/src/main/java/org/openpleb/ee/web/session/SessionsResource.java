package org.openpleb.ee.web.session;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.openpleb.ee.admission.LimitName;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.session.SessionLogin;
import org.openpleb.ee.web.admission.RateLimited;
import org.openpleb.ee.web.auth.Authenticated;
import org.openpleb.ee.web.auth.CurrentSession;
import org.openpleb.ee.web.http.ApiSecurity;

/**
 * Login and logout for users: a secp256k1 key signs a one-time challenge (BIP-340) and receives a
 * bearer token for a session of bounded lifetime.
 */
@Path("sessions")
@ApplicationScoped
public class SessionsResource {

  @EJB SessionLogin login;

  @Inject CurrentSession current;

  @Context UriInfo uri;

  /** Issues a one-time login challenge. */
  @POST
  @Path("challenge")
  @RateLimited(LimitName.CHALLENGE)
  @Produces(MediaType.APPLICATION_JSON)
  @Tag(ref = "sessions")
  @Operation(
      summary = "Get a login challenge",
      description =
          "Returns 32 bytes as 64 lowercase hex characters (the first byte is the proof-of-work"
              + " difficulty, the rest random), usable once and only until expiresAt"
              + " (SESSION_CHALLENGE_TTL seconds), and pow: {algorithm: sha256-leading-zero-bits,"
              + " difficulty: n}. When n > 0, find a powNonce (1 to 64 characters of A-Z a-z 0-9 -"
              + " _) such that SHA-256(UTF-8 bytes of challenge + \":\" + powNonce) starts with n"
              + " zero bits, and send it with the login. n is 0 at capacity NORMAL and"
              + " SESSION_POW_BITS_WARNING/_CRITICAL/_EMERGENCY above. Sign it as described for"
              + " POST /api/sessions. 429 TOO_MANY_REQUESTS past the per-address limit, 503"
              + " CHALLENGE_LIMIT_REACHED past SESSION_CHALLENGE_LIMIT, both with Retry-After.")
  @APIResponse(
      responseCode = "200",
      description = "A challenge to sign",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ChallengeResponse.class)))
  public ChallengeResponse challenge() {
    return ChallengeResponse.of(login.issueChallenge());
  }

  /** Opens a session for a signed challenge. */
  @POST
  @RateLimited(LimitName.LOGIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Tag(ref = "sessions")
  @Operation(
      summary = "Log in with a signed challenge",
      description =
          "pubkey: the x-only secp256k1 public key, 64 hex characters. challenge: as issued."
              + " signature: the 64-byte BIP-340 Schnorr signature, 128 hex characters, over the"
              + " 32-byte message SHA-256(UTF-8 bytes of the 64-character challenge text) - the"
              + " text is hashed as received, not hex-decoded first. Answers 201 with sessionId,"
              + " Location: the absolute URL of GET /api/sessions/current,"
              + " token (256 random bits, base64url, send it as Authorization: Bearer) and"
              + " expiresAt (at most SESSION_EXPIRY seconds away, less at capacity level"
              + " CRITICAL). powNonce: the proof of work the challenge's pow asks for (omit it"
              + " when the difficulty is 0). Refusals are problem+json: VALIDATION_FAILED (400)"
              + " for missing or malformed hex or nonce, PROOF_OF_WORK_INVALID (401) when the"
              + " work is missing or too weak for the challenge or for the current capacity"
              + " level (then ask for a new challenge), BAD_SIGNATURE, CHALLENGE_UNKNOWN,"
              + " CHALLENGE_USED and CHALLENGE_EXPIRED (401), SESSION_LIMIT_REACHED and"
              + " CAPACITY_EMERGENCY (503, with Retry-After; at EMERGENCY a login whose work meets"
              + " SESSION_POW_BITS_EMERGENCY is admitted), TOO_MANY_REQUESTS (429, with"
              + " Retry-After) past the per-address login limit. A refused login consumes nothing: the challenge stays usable"
              + " until it expires; a successful one uses it up.")
  @APIResponse(
      responseCode = "201",
      description = "The session is open; its token is in this answer only",
      headers =
          @Header(
              name = HttpHeaders.LOCATION,
              description = "The session's URL, GET /api/sessions/current",
              schema = @Schema(type = SchemaType.STRING, format = "uri")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = LoginResponse.class),
              examples =
                  @ExampleObject(
                      name = "an opened session",
                      value =
                          "{\"sessionId\":\"5f0c4a57-1f7e-4f1e-9a43-0d6b7d9c2b11\","
                              + "\"token\":\"n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg\","
                              + "\"expiresAt\":\"2026-12-07T09:30:00Z\"}")))
  public Response login(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = LoginRequest.class),
                      examples =
                          @ExampleObject(
                              name = "a signed challenge",
                              value =
                                  "{\"pubkey\":\""
                                      + "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b"
                                      + "16f81798\",\"challenge\":\""
                                      + "00a1f3c2e4b5d6978877665544332211"
                                      + "00ffeeddccbbaa998877665544332211\",\"signature\":\""
                                      + "e907831f80848d1069a5371b402410364bdf1c5f8307b0084c55f1ce"
                                      + "2dca821525f66a4a85ea8b71e482a74f382d2ce5ebeee8fdb2172f"
                                      + "477df4900d310536c0\"}")))
          LoginRequest request) {
    if (request == null) {
      throw new DomainException(
          ProblemCode.VALIDATION_FAILED, "pubkey, challenge and signature are required");
    }
    LoginResponse opened =
        LoginResponse.of(
            login.login(
                request.pubkey(), request.challenge(), request.signature(), request.powNonce()));
    return Response.created(uri.getBaseUriBuilder().path("sessions/current").build())
        .entity(opened)
        .build();
  }

  /** Describes the caller's session. */
  @GET
  @Path("current")
  @Authenticated
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = ApiSecurity.BEARER)
  @Tag(ref = "sessions")
  @Operation(
      summary = "Describe the current session",
      description = "The session of the bearer token: id, pubkey, createdAt, expiresAt.")
  @APIResponse(
      responseCode = "200",
      description = "The session",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SessionInfo.class)))
  public SessionInfo currentSession() {
    return SessionInfo.of(current.principal());
  }

  /** Logs the caller out. */
  @DELETE
  @Path("current")
  @Authenticated
  @SecurityRequirement(name = ApiSecurity.BEARER)
  @Tag(ref = "sessions")
  @Operation(
      summary = "Log out",
      description = "Closes the session; its token stops working at once. Answers 204.")
  @APIResponse(responseCode = "204", description = "Logged out")
  public Response logout() {
    login.logout(current.principal().sessionId());
    return Response.noContent().build();
  }
}
