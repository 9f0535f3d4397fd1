package org.openpleb.client.events;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.InboundSseEvent;
import org.reactivestreams.Publisher;

/**
 * {@code /api/events}: a server-sent event stream. It starts with {@code connected} ({@link
 * Greeting}), then {@code offer} events for every order-book change and, on a stream opened with a
 * session's token, {@code trade} events for the caller's own trades (both {@link OfferEvent}). Read
 * an event's data with {@code event.readData(OfferEvent.class, MediaType.APPLICATION_JSON_TYPE)}.
 * {@code authorization} is {@code null} for the public stream.
 */
@Path("/api/events")
public interface EventsApi {

  /** The event names the server sends. */
  String CONNECTED = "connected";

  /** An order-book change, to everyone. */
  String OFFER = "offer";

  /** A change of one of the caller's trades, to its parties' authenticated streams. */
  String TRADE = "trade";

  /** Opens the stream; it ends with the session. */
  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  Publisher<InboundSseEvent> stream(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
