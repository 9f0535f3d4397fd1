package org.openpleb.client.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.InboundSseEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpleb.client.CannedServer;
import org.openpleb.client.CannedServer.Answer;
import org.openpleb.client.OpenPlebClient;
import org.openpleb.client.offer.OfferState;
import org.openpleb.client.offer.Role;
import org.openpleb.client.session.Bearer;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** The live stream arrives as named events whose data binds to the client's records. */
class EventsTest {

  private final CannedServer server = new CannedServer();

  EventsTest() throws Exception {}

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theStreamGreetsThenCarriesTradeChanges() throws Exception {
    server.on(
        "GET",
        "/api/events",
        new Answer(
            200,
            "text/event-stream",
            "event: connected\ndata: {\"authenticated\":true,\"heartbeatSeconds\":15}\n\n"
                + ": heartbeat\n\n"
                + "event: trade\ndata: {\"offerId\":\"o-1\",\"previousState\":\"INVOICE_PAID\","
                + "\"state\":\"CLAIMED\",\"at\":\"2026-12-07T06:01:00Z\",\"role\":\"MAKER\","
                + "\"offer\":{\"id\":\"o-1\",\"status\":\"CLAIMED\",\"sats\":6667}}\n\n",
            Map.of()));
    List<InboundSseEvent> events = new CopyOnWriteArrayList<>();
    CountDownLatch ended = new CountDownLatch(1);

    OpenPlebClient.connect(server.base()).events().stream(Bearer.of("t"))
        .subscribe(
            new Subscriber<>() {
              @Override
              public void onSubscribe(Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
              }

              @Override
              public void onNext(InboundSseEvent event) {
                events.add(event);
              }

              @Override
              public void onError(Throwable failure) {
                ended.countDown();
              }

              @Override
              public void onComplete() {
                ended.countDown();
              }
            });

    assertTrue(ended.await(20, TimeUnit.SECONDS), "the stream ended with the answer");
    assertEquals("Bearer t", server.last().header("Authorization"));
    assertEquals(3, events.size(), events::toString);
    assertEquals("heartbeat", events.get(1).getComment(), "a heartbeat is a comment, no name");
    events.remove(1);
    assertEquals(EventsApi.CONNECTED, events.get(0).getName());
    Greeting greeting = events.get(0).readData(Greeting.class, MediaType.APPLICATION_JSON_TYPE);
    assertTrue(greeting.authenticated());
    assertEquals(15, greeting.heartbeatSeconds());
    assertEquals(EventsApi.TRADE, events.get(1).getName());
    OfferEvent trade = events.get(1).readData(OfferEvent.class, MediaType.APPLICATION_JSON_TYPE);
    assertEquals(OfferState.INVOICE_PAID, trade.previousState());
    assertEquals(OfferState.CLAIMED, trade.state());
    assertEquals(Role.MAKER, trade.role());
    assertEquals(6_667L, trade.offer().sats());
  }
}
