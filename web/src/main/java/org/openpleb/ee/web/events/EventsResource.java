package org.openpleb.ee.web.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpleb.ee.events.LiveEvents;
import org.openpleb.ee.events.StreamOwner;
import org.openpleb.ee.session.SessionPrincipal;
import org.openpleb.ee.web.admission.CurrentClient;
import org.openpleb.ee.web.auth.BearerCredentials;
import org.openpleb.ee.web.auth.CurrentSession;

/**
 * The live event stream: the order book's changes for everyone, and with a session's bearer token
 * also the caller's own trade changes. Replaces OpenPleb's WebSocket, whose pubkey was
 * self-declared and whose every update went to every socket.
 */
@Path("events")
@ApplicationScoped
public class EventsResource {

  @Inject CurrentSession current;

  @Inject LiveEvents events;

  @Inject CurrentClient client;

  /** Opens a server-sent event stream. */
  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Tag(ref = "events")
  @Operation(
      summary = "Live events",
      description =
          "A text/event-stream. It starts with `connected` ({authenticated, heartbeatSeconds}),"
              + " then sends `offer` for every order-book change ({offerId, previousState, state,"
              + " at, offer: the public view}) and, on a stream opened with"
              + " `Authorization: Bearer <session token>`, `trade` for changes of the caller's own"
              + " trades ({offerId, previousState, state, at, role: MAKER|TAKER, offer: the party"
              + " view}). A `: heartbeat` comment comes every OPENPLEB_EVENTS_HEARTBEAT_SECONDS."
              + " The stream ends with the session. 401 UNAUTHORIZED for an Authorization header"
              + " that names no live user session (as on every endpoint). Refusals carry"
              + " Retry-After: 503 EVENT_STREAM_LIMIT beyond OPENPLEB_EVENTS_MAX_CLIENTS streams,"
              + " or OPENPLEB_EVENTS_MAX_ANONYMOUS anonymous ones (the rest is kept for signed-in"
              + " streams); 429 TOO_MANY_REQUESTS beyond OPENPLEB_EVENTS_MAX_PER_ADDRESS anonymous"
              + " streams of one address or OPENPLEB_EVENTS_MAX_PER_SESSION streams of one session.")
  @APIResponse(
      responseCode = "200",
      description = "The event stream, open until the client, the server or the session ends it",
      content =
          @Content(
              mediaType = MediaType.SERVER_SENT_EVENTS,
              schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  public void stream(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @Context SseEventSink sink,
      @Context Sse sse) {
    StreamOwner owner = null;
    if (authorization != null) {
      // a token that does not authenticate was refused by CredentialsFilter; an admin's token
      // names no user whose trades the stream could carry, so it is refused here
      owner =
          current.find().map(EventsResource::owner).orElseThrow(StreamUnauthorizedException::new);
    }
    events.open(new SseEventClient(sink, sse, owner, client.limitKey()));
  }

  /** The token of an {@code Authorization: Bearer <token>} header, scheme in any case. */
  static Optional<String> bearerToken(String authorization) {
    return BearerCredentials.token(authorization);
  }

  private static StreamOwner owner(SessionPrincipal session) {
    return new StreamOwner(session.sessionId(), session.pubkey(), session.expiresAt().toInstant());
  }
}
