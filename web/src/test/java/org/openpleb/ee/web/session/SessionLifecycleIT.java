package org.openpleb.ee.web.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.ee.web.session.SessionApiClient.assertProblem;
import static org.openpleb.ee.web.session.SessionApiClient.check;
import static org.openpleb.ee.web.session.SessionApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.StreamSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpleb.ee.session.SessionToken;
import org.openpleb.ee.web.custody.ReconciledAtEnd;
import org.openpleb.ee.web.session.SessionApiClient.User;

/**
 * Sessions over their lifetime on a deployment with short lifetimes ({@code SESSION_EXPIRY=20},
 * {@code CAPACITY_CRITICAL_SESSION_EXPIRY=10}, a sweep every second) and a test memory source:
 * expiry and the sweep, the capacity levels' effect on logins and readiness, EMERGENCY relief, and
 * the admin login and capacity report with configured credentials.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ReconciledAtEnd.class)
class SessionLifecycleIT {

  private static final String ADMIN_PASSWORD = ReconciledAtEnd.ADMIN_PASSWORD;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return SessionApiClient.deployment(
        "SESSION_EXPIRY=20\n"
            + "SESSION_POW_BITS_EMERGENCY=12\n"
            + "CAPACITY_CRITICAL_SESSION_EXPIRY=10\n"
            + "WALLET_CLEANUP_INTERVAL=1000\n"
            + "CAPACITY_MEMORY_SOURCE=test\n"
            + ReconciledAtEnd.adminSettings()
            + "OPENPLEB_ADMIN_SESSION_EXPIRY=600\n");
  }

  @ArquillianResource URL base;

  private SessionApiClient api;

  @BeforeEach
  void startFromNoLiveSessions() throws Exception {
    api = new SessionApiClient(base);
    assertEquals("NORMAL", api.support("POST", "reset").path("level").asText());
  }

  @AfterEach
  void leaveTheServerAtNormal() throws Exception {
    api.support("POST", "capacity?ratio=0");
  }

  @Test
  void theTestSettingsOverrideTheDefaults() throws Exception {
    JsonNode limits = json(api.get("api/info", null)).path("limits");

    assertEquals(20, limits.path("sessionExpirySeconds").asInt(), limits::toString);
    assertEquals(1000, limits.path("walletCleanupIntervalMillis").asInt(), limits::toString);
  }

  @Test
  void aSessionStopsWorkingWhenItExpiresAndTheSweepClosesIt() throws Exception {
    double expiredBefore =
        api.metric("openpleb_sessions_closed_total{mp_scope=\"application\",reason=\"expired\"}");
    User user = User.random();
    JsonNode opened = api.loginOk(user);
    String token = opened.path("token").asText();
    String sessionId = opened.path("sessionId").asText();
    assertEquals(200, api.current(token).statusCode());

    HttpResponse<String> refused =
        poll(Duration.ofSeconds(40), () -> api.current(token), r -> r.statusCode() != 200);

    assertProblem(refused, 401, "UNAUTHORIZED");
    assertFalse(
        OffsetDateTime.now()
            .isBefore(OffsetDateTime.parse(opened.path("expiresAt").asText()).minusSeconds(1)),
        "refused before its expiry");
    JsonNode row =
        poll(
            Duration.ofSeconds(20),
            () -> api.support("GET", "session?id=" + sessionId),
            r -> r.path("state").asText().equals("CLOSED"));
    assertEquals("EXPIRED", row.path("close_reason").asText());
    JsonNode event = poll(Duration.ofSeconds(10), () -> closedEvent(sessionId), e -> e != null);
    assertEquals("EXPIRED", event.path("reason").asText());
    assertEquals(user.pubkey(), event.path("pubkey").asText());
    assertEquals(row.path("wallet_id").asText(), event.path("walletId").asText());
    assertFalse(event.path("transactionActive").asBoolean(), "fired before commit");
    assertTrue(
        api.metric("openpleb_sessions_closed_total{mp_scope=\"application\",reason=\"expired\"}")
            > expiredBefore);
    assertEquals(0, api.support("POST", "sweep").path("closed").asInt(), "a sweep is idempotent");
  }

  @Test
  void capacityLevelsShortenRefuseAndRestoreLogins() throws Exception {
    JsonNode warning = api.support("POST", "capacity?ratio=0.70");
    assertEquals("WARNING", warning.path("level").asText());
    assertTrue(
        StreamSupport.stream(warning.path("log").spliterator(), false)
            .anyMatch(l -> l.asText().startsWith("WARNING Capacity level NORMAL -> WARNING")),
        warning::toString);
    assertEquals(20, lifetimeSeconds(api.loginOk(User.random())));

    assertEquals("CRITICAL", api.support("POST", "capacity?ratio=0.85").path("level").asText());
    JsonNode critical = api.loginOk(User.random());
    assertEquals(10, lifetimeSeconds(critical));
    // a session that made a request since login is not among the first that relief closes
    assertEquals(200, api.current(critical.path("token").asText()).statusCode());

    assertEquals("EMERGENCY", api.support("POST", "capacity?ratio=0.95").path("level").asText());
    User refusedUser = User.random();
    HttpResponse<String> refused = api.login(refusedUser);
    assertProblem(refused, 503, "CAPACITY_EMERGENCY");
    assertEquals("60", refused.headers().firstValue("Retry-After").orElse(""));
    // ... but a login with the advertised EMERGENCY proof of work is admitted
    HttpResponse<String> worked = api.loginWithWork(User.random());
    assertEquals(201, worked.statusCode(), worked::body);
    assertEquals(10, lifetimeSeconds(json(worked)));
    HttpResponse<String> ready = api.get("/health/ready", null);
    assertEquals(503, ready.statusCode(), ready::body);
    assertEquals("DOWN", check(ready, "capacity").path("status").asText());
    assertEquals(
        200,
        api.current(critical.path("token").asText()).statusCode(),
        "a session that is not idle survives EMERGENCY");

    assertEquals("NORMAL", api.support("POST", "capacity?ratio=0.10").path("level").asText());
    assertEquals(20, lifetimeSeconds(api.loginOk(refusedUser)));
    HttpResponse<String> readyAgain = api.get("/health/ready", null);
    assertEquals(200, readyAgain.statusCode(), readyAgain::body);
    assertEquals("UP", check(readyAgain, "capacity").path("status").asText());
  }

  @Test
  void emergencyReliefClosesIdleSessionsOnly() throws Exception {
    JsonNode idle = api.loginOk(User.random());
    JsonNode busy = api.loginOk(User.random());
    // busy has made a request since login; idle has not (and looks idle for an hour)
    assertEquals(200, api.current(busy.path("token").asText()).statusCode());
    String idleId = idle.path("sessionId").asText();
    assertEquals(
        1, api.support("POST", "idle?id=" + idleId + "&seconds=3600").path("updated").asInt());

    assertEquals("EMERGENCY", api.support("POST", "capacity?ratio=0.96").path("level").asText());

    JsonNode row = api.support("GET", "session?id=" + idleId);
    assertEquals("CLOSED", row.path("state").asText());
    assertEquals("CAPACITY", row.path("close_reason").asText());
    assertEquals("CAPACITY", closedEvent(idleId).path("reason").asText());
    assertEquals(401, api.current(idle.path("token").asText()).statusCode());
    assertEquals(200, api.current(busy.path("token").asText()).statusCode());
  }

  @Test
  void theAdminLogsInAndReadsTheCapacityReport() throws Exception {
    HttpResponse<String> wrong =
        api.postJson("api/admin/sessions", "{\"user\":\"operator\",\"password\":\"guess\"}");
    HttpResponse<String> wrongUser =
        api.postJson(
            "api/admin/sessions", "{\"user\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
    HttpResponse<String> login =
        api.postJson(
            "api/admin/sessions",
            "{\"user\":\"operator\",\"password\":\"" + ADMIN_PASSWORD + "\"}");

    assertProblem(wrong, 401, "BAD_CREDENTIALS");
    assertProblem(wrongUser, 401, "BAD_CREDENTIALS");
    assertEquals(201, login.statusCode(), login::body);
    assertEquals(
        URI.create(base.toString()).resolve("/api/admin/sessions/current"),
        URI.create(login.headers().firstValue("Location").orElse("")),
        "the admin session's absolute URL");
    String token = json(login).path("token").asText();
    long lifetime =
        Duration.between(
                OffsetDateTime.now(), OffsetDateTime.parse(json(login).path("expiresAt").asText()))
            .toSeconds();
    assertTrue(lifetime > 590 && lifetime <= 600, () -> "admin lifetime " + lifetime);
    JsonNode stored =
        api.support("GET", "stored?value=" + token + "&hash=" + SessionToken.hashOf(token));
    assertEquals(0, stored.path("admin_sessionsCells").asInt(), stored::toString);
    assertEquals(1, stored.path("admin_sessionsHashes").asInt(), stored::toString);
    api.loginOk(User.random());

    HttpResponse<String> capacity = api.get("api/admin/capacity", token);

    assertEquals(200, capacity.statusCode(), capacity::body);
    JsonNode report = json(capacity);
    assertEquals("NORMAL", report.path("level").asText());
    assertEquals("test", report.path("memory").path("source").asText());
    assertEquals(1, report.path("sessions").path("live").asInt(), report::toString);
    assertEquals(600, report.path("sessions").path("limit").asInt());
    assertEquals(20, report.path("sessions").path("expirySeconds").asInt());
    assertEquals(10, report.path("sessions").path("criticalExpirySeconds").asInt());
    List<String> servers =
        StreamSupport.stream(report.path("estimate").path("rows").spliterator(), false)
            .map(r -> r.path("server").asText())
            .toList();
    assertEquals(List.of("4 GB", "8 GB", "16 GB", "this server"), servers);
    JsonNode fourGb = report.path("estimate").path("rows").get(0);
    assertEquals(4L << 30, fourGb.path("machineBytes").asLong());
    assertTrue(fourGb.path("sessionsSupported").asLong() > 0, fourGb::toString);
    assertEquals(
        0, fourGb.path("recommendedSessionLimit").asLong() % 10, "limits are multiples of 10");

    HttpResponse<String> offers = api.get("api/offers", token);
    assertEquals(200, offers.statusCode(), "an admin token is a caller too: " + offers.body());
    assertEquals(204, api.delete("api/admin/sessions/current", token).statusCode());
    assertProblem(api.get("api/offers", token), 401, "UNAUTHORIZED");
    assertProblem(api.get("api/admin/capacity", token), 401, "UNAUTHORIZED");
  }

  @Test
  void aTokenThatNoLongerAuthenticatesIsRefusedOnPublicEndpointsTooWhileNoHeaderIsServed()
      throws Exception {
    HttpResponse<String> login = api.login(User.random());
    assertEquals(201, login.statusCode(), login::body);
    assertEquals(
        URI.create(base.toString()).resolve("/api/sessions/current"),
        URI.create(login.headers().firstValue("Location").orElse("")),
        "the session's absolute URL");
    String token = json(login).path("token").asText();
    HttpResponse<String> created =
        api.postJson(
            "api/offers",
            "{\"fiatAmount\":10000,\"qrCode\":\"bank-qr-stale-token\"}",
            "Bearer " + token);
    assertEquals(201, created.statusCode(), created::body);
    String offer = "api/offers/" + json(created).findValue("id").asText();
    assertEquals(200, api.get(offer, token).statusCode(), "the live token is served");
    assertEquals(204, api.logout(token).statusCode());

    for (String path : List.of(offer, "api/offers", "api/info", "api/prices/current")) {
      HttpResponse<String> refused = api.get(path, token);
      assertProblem(refused, 401, "UNAUTHORIZED");
      assertEquals(
          "Bearer realm=\"openpleb\", error=\"invalid_token\"",
          refused.headers().firstValue("WWW-Authenticate").orElse(""),
          path);
      HttpResponse<String> anonymous = api.get(path, null);
      assertEquals(200, anonymous.statusCode(), path + ": " + anonymous.body());
    }
    assertProblem(
        api.postJson("api/pricing/quote", "{\"fiatAmount\":10000}", "Bearer " + token),
        401,
        "UNAUTHORIZED");
    assertEquals(200, api.postJson("api/pricing/quote", "{\"fiatAmount\":10000}").statusCode());
    assertProblem(api.get("api/events", token), 401, "UNAUTHORIZED");
    for (String malformed : List.of("Basic b3BlcmF0b3I6cHc=", "Bearer", "Bearer not-a-token")) {
      HttpResponse<String> refused = api.getWithAuthorization(offer, malformed);
      assertProblem(refused, 401, "UNAUTHORIZED");
      assertEquals(
          "Bearer realm=\"openpleb\", error=\"invalid_token\"",
          refused.headers().firstValue("WWW-Authenticate").orElse(""),
          malformed);
    }
  }

  private long lifetimeSeconds(JsonNode opened) throws Exception {
    JsonNode info = json(api.current(opened.path("token").asText()));
    return Duration.between(
            OffsetDateTime.parse(info.path("createdAt").asText()),
            OffsetDateTime.parse(info.path("expiresAt").asText()))
        .toSeconds();
  }

  private JsonNode closedEvent(String sessionId) throws Exception {
    for (JsonNode event : api.support("GET", "closed-events")) {
      if (event.path("sessionId").asText().equals(sessionId)) {
        return event;
      }
    }
    return null;
  }

  /** Asks {@code probe} every 200 ms until {@code done} holds, at most for {@code limit}. */
  private static <T> T poll(Duration limit, Callable<T> probe, java.util.function.Predicate<T> done)
      throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    T value = probe.call();
    while (!done.test(value)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still not done after " + limit + ": " + value);
      }
      Thread.sleep(200);
      value = probe.call();
    }
    return value;
  }
}
