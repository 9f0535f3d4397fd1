package org.openpleb.ee.web.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpleb.ee.web.custody.ReconciledAtEnd;
import org.openpleb.ee.web.events.EventsApiClient.User;

/**
 * {@code GET /api/events} on the deployed server ({@code OPENPLEB_EVENTS_HEARTBEAT_SECONDS=1}, at
 * most 6 streams of which 4 anonymous, 2 per session): the greeting, public order-book events for
 * anyone, private trade events only to the maker's and taker's sessions, nothing for a rolled-back
 * change, heartbeats, the stream caps (a full anonymous cap never keeps a signed-in user out), bad
 * tokens, the end of a stream with its session, and the metrics.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ReconciledAtEnd.class)
class LiveEventsIT {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final int MAX_CLIENTS = 6;
  private static final int MAX_ANONYMOUS = 4;
  private static final int MAX_PER_SESSION = 2;

  @Deployment(testable = false)
  static WebArchive deployment() {
    // every stream of this test comes from 127.0.0.1: the per-address cap is set out of the way
    return EventsApiClient.deployment(
        "OPENPLEB_EVENTS_HEARTBEAT_SECONDS=1\nOPENPLEB_EVENTS_MAX_CLIENTS="
            + MAX_CLIENTS
            + "\nOPENPLEB_EVENTS_MAX_ANONYMOUS="
            + MAX_ANONYMOUS
            + "\nOPENPLEB_EVENTS_MAX_PER_ADDRESS="
            + MAX_ANONYMOUS
            + "\nOPENPLEB_EVENTS_MAX_PER_SESSION="
            + MAX_PER_SESSION
            + "\n",
        EventsTestSupport.class,
        TestOfferChanged.class);
  }

  @ArquillianResource URL base;

  private EventsApiClient api;
  private final List<SseStream> streams = new ArrayList<>();

  @BeforeEach
  void startWithNoStreamsOpen() throws Exception {
    api = new EventsApiClient(base);
    awaitConnected(0);
  }

  @AfterEach
  void closeStreams() {
    streams.forEach(SseStream::close);
  }

  @Test
  void anAnonymousStreamHearsTheOrderBookButNoTrade() throws Exception {
    User maker = api.login();
    SseStream anonymous = open(null);
    String offer = offerId();

    api.fire(offer, "INVOICE_CREATED", "INVOICE_PAID", maker, null, true, false);
    SseStream.Frame event = anonymous.nextEvent(WAIT);

    assertEquals("offer", event.event());
    assertNotNull(event.id());
    JsonNode data = EventsApiClient.json(event.data());
    assertEquals(offer, data.path("offerId").asText());
    assertEquals("INVOICE_CREATED", data.path("previousState").asText());
    assertEquals("INVOICE_PAID", data.path("state").asText());
    assertEquals(66_667, data.path("offer").path("sats").asLong());
    assertFalse(event.data().contains(maker.pubkey()), event.data());
    assertTrue(data.hasNonNull("at"), event.data());
    // the maker's private event went elsewhere: the next thing here is the next public change
    String marker = offerId();
    api.fire(marker, "INVOICE_PAID", "CLAIMED", maker, null, true, false);
    assertEquals(
        marker, EventsApiClient.json(anonymous.nextEvent(WAIT).data()).path("offerId").asText());
  }

  @Test
  void eachPartyHearsItsTradeAndNobodyElseDoes() throws Exception {
    User maker = api.login();
    User taker = api.login();
    User stranger = api.login();
    SseStream makerStream = open(maker);
    SseStream takerStream = open(taker);
    SseStream strangerStream = open(stranger);
    String offer = offerId();

    api.fire(offer, "INVOICE_PAID", "CLAIMED", maker, taker, true, false);

    for (SseStream stream : List.of(makerStream, takerStream, strangerStream)) {
      assertEquals("offer", stream.nextEvent(WAIT).event());
    }
    SseStream.Frame makerTrade = makerStream.nextEvent(WAIT);
    assertEquals("trade", makerTrade.event());
    JsonNode makerData = EventsApiClient.json(makerTrade.data());
    assertEquals(offer, makerData.path("offerId").asText());
    assertEquals("MAKER", makerData.path("role").asText());
    assertEquals("CLAIMED", makerData.path("state").asText());
    SseStream.Frame takerTrade = takerStream.nextEvent(WAIT);
    assertEquals("trade", takerTrade.event());
    assertEquals("TAKER", EventsApiClient.json(takerTrade.data()).path("role").asText());

    String marker = offerId();
    api.fire(marker, "CREATED", "INVOICE_PAID", stranger, null, true, false);
    assertEquals(
        marker,
        EventsApiClient.json(strangerStream.nextEvent(WAIT).data()).path("offerId").asText());
  }

  @Test
  void aChangeOffTheBookReachesOnlyItsParties() throws Exception {
    User maker = api.login();
    SseStream makerStream = open(maker);
    SseStream anonymous = open(null);
    String offer = offerId();

    api.fire(offer, "CREATED", "INVOICE_CREATED", maker, null, false, false);

    SseStream.Frame trade = makerStream.nextEvent(WAIT);
    assertEquals("trade", trade.event());
    assertEquals("INVOICE_CREATED", EventsApiClient.json(trade.data()).path("state").asText());
    String marker = offerId();
    api.fire(marker, "INVOICE_CREATED", "INVOICE_PAID", maker, null, true, false);
    assertEquals(
        marker, EventsApiClient.json(anonymous.nextEvent(WAIT).data()).path("offerId").asText());
  }

  @Test
  void aRolledBackChangeIsNeverAnnounced() throws Exception {
    User maker = api.login();
    SseStream makerStream = open(maker);

    api.fire(offerId(), "INVOICE_PAID", "CLAIMED", maker, null, true, true);
    String committed = offerId();
    api.fire(committed, "INVOICE_PAID", "EXPIRED", maker, null, true, false);

    SseStream.Frame first = makerStream.nextEvent(WAIT);
    assertEquals("offer", first.event());
    assertEquals(committed, EventsApiClient.json(first.data()).path("offerId").asText());
  }

  @Test
  void heartbeatsKeepTheStreamAlive() throws Exception {
    SseStream stream = open(null);

    assertEquals("heartbeat", stream.nextComment(WAIT).comment());
    assertEquals("heartbeat", stream.nextComment(WAIT).comment());
  }

  @Test
  void aBadTokenIsRefusedWith401() throws Exception {
    for (String authorization : List.of("Bearer " + "00".repeat(32), "Bearer", "Basic dXNlcg==")) {
      HttpResponse<InputStream> response = api.events(authorization);
      String body = new String(response.body().readAllBytes());

      assertEquals(401, response.statusCode(), body);
      assertTrue(
          response
              .headers()
              .firstValue("Content-Type")
              .orElse("")
              .startsWith("application/problem+json"),
          body);
      assertEquals("UNAUTHORIZED", EventsApiClient.json(body).path("code").asText());
      assertEquals(
          "Bearer realm=\"openpleb\", error=\"invalid_token\"",
          response.headers().firstValue("WWW-Authenticate").orElse(""));
    }
  }

  @Test
  void anonymousStreamsBeyondTheirCapGet503UntilOneLeaves() throws Exception {
    for (int i = 0; i < MAX_ANONYMOUS; i++) {
      open(null);
    }
    double rejectedBefore =
        api.metric("openpleb_events_streams_rejected_total{mp_scope=\"application\"}");

    HttpResponse<InputStream> refused = api.events(null);
    String body = new String(refused.body().readAllBytes());

    assertEquals(503, refused.statusCode(), body);
    assertEquals("EVENT_STREAM_LIMIT", EventsApiClient.json(body).path("code").asText());
    assertTrue(refused.headers().firstValue("Retry-After").isPresent(), body);
    assertEquals(
        rejectedBefore + 1,
        api.metric("openpleb_events_streams_rejected_total{mp_scope=\"application\"}"));

    streams.remove(0).close();
    awaitConnected(MAX_ANONYMOUS - 1);
    open(null);
  }

  @Test
  void aFullAnonymousCapLeavesSignedInUsersTheirStreamsAndTradeEvents() throws Exception {
    for (int i = 0; i < MAX_ANONYMOUS; i++) {
      open(null);
    }
    HttpResponse<InputStream> anonymous = api.events(null);
    String refusal = new String(anonymous.body().readAllBytes());
    assertEquals(503, anonymous.statusCode(), refusal);

    User maker = api.login();
    User taker = api.login();
    SseStream makerStream = open(maker);
    SseStream takerStream = open(taker);
    String offer = offerId();
    api.fire(offer, "INVOICE_PAID", "CLAIMED", maker, taker, false, false);

    assertEquals("trade", makerStream.nextEvent(WAIT).event());
    assertEquals("trade", takerStream.nextEvent(WAIT).event());
    assertEquals(MAX_CLIENTS, api.metric("openpleb_events_clients{mp_scope=\"application\"}"));
  }

  @Test
  void oneSessionGetsAtMostItsShareOfStreamsAnd429Beyond() throws Exception {
    User user = api.login();
    for (int i = 0; i < MAX_PER_SESSION; i++) {
      open(user);
    }

    HttpResponse<InputStream> refused = api.events("Bearer " + user.token());
    String body = new String(refused.body().readAllBytes());

    assertEquals(429, refused.statusCode(), body);
    assertEquals("TOO_MANY_REQUESTS", EventsApiClient.json(body).path("code").asText());
    assertTrue(refused.headers().firstValue("Retry-After").isPresent(), body);
    assertTrue(
        refused
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"),
        body);
    open(api.login());
  }

  @Test
  void aStreamEndsWithItsSession() throws Exception {
    User user = api.login();
    SseStream stream = open(user);

    api.logout(user);

    stream.awaitEnd(WAIT);
    awaitConnected(0);
  }

  @Test
  void theMetricsCountStreamsAndEvents() throws Exception {
    SseStream first = open(null);
    open(null);
    double sentBefore = api.metric("openpleb_events_sent_total{mp_scope=\"application\"}");

    assertEquals(2, api.metric("openpleb_events_clients{mp_scope=\"application\"}"));
    api.fire(offerId(), "INVOICE_CREATED", "INVOICE_PAID", api.login(), null, true, false);
    first.nextEvent(WAIT);

    awaitMetric("openpleb_events_sent_total{mp_scope=\"application\"}", sentBefore + 2);
  }

  private SseStream open(User user) throws Exception {
    SseStream stream = api.openStream(user);
    streams.add(stream);
    return stream;
  }

  private static String offerId() {
    return UUID.randomUUID().toString();
  }

  private void awaitConnected(int expected) throws Exception {
    awaitMetric("openpleb_events_clients{mp_scope=\"application\"}", expected);
  }

  /**
   * Polls a metric until it shows {@code expected}, for at most 15 s (dead streams are found by the
   * 1 s heartbeat).
   */
  private void awaitMetric(String series, double expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    double value = api.metric(series);
    while (value != expected) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(series + " is " + value + ", expected " + expected);
      }
      Thread.sleep(100);
      value = api.metric(series);
    }
  }
}
