package org.openpleb.ee.web.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.ee.web.session.SessionApiClient.assertProblem;
import static org.openpleb.ee.web.session.SessionApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpleb.ee.session.SessionToken;
import org.openpleb.ee.web.session.SessionApiClient.User;

/**
 * The challenge login over HTTP on the deployed server with {@code SESSION_LIMIT=5}: valid and
 * refused logins, tokens stored only as hashes, bearer authentication, logout, the session limit
 * (also under concurrent logins) and admin login while no credentials are configured.
 */
@ExtendWith(ArquillianExtension.class)
class SessionLoginIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return SessionApiClient.deployment(
        "SESSION_LIMIT=5\nSESSION_RETRY_AFTER=17\nCAPACITY_MEMORY_SOURCE=test\n");
  }

  @ArquillianResource URL base;

  private SessionApiClient api;

  @BeforeEach
  void startFromNoLiveSessions() throws Exception {
    api = new SessionApiClient(base);
    assertEquals("NORMAL", api.support("POST", "reset").path("level").asText());
  }

  @Test
  void aValidSignatureOpensASessionThatWorksUntilLogout() throws Exception {
    User user = User.random();
    OffsetDateTime before = OffsetDateTime.now();
    double createdBefore = api.metric("openpleb_sessions_created_total{mp_scope=\"application\"}");

    JsonNode opened = api.loginOk(user);

    assertEquals(
        createdBefore + 1, api.metric("openpleb_sessions_created_total{mp_scope=\"application\"}"));

    String token = opened.path("token").asText();
    assertTrue(SessionToken.isWellFormed(token), token);
    OffsetDateTime expiresAt = OffsetDateTime.parse(opened.path("expiresAt").asText());
    long lifetime = Duration.between(before, expiresAt).toSeconds();
    assertTrue(lifetime >= 3590 && lifetime <= 3600, () -> "lifetime " + lifetime);
    HttpResponse<String> current = api.current(token);
    assertEquals(200, current.statusCode(), current::body);
    JsonNode info = json(current);
    assertEquals(opened.path("sessionId").asText(), info.path("sessionId").asText());
    assertEquals(user.pubkey(), info.path("pubkey").asText());
    assertEquals(expiresAt, OffsetDateTime.parse(info.path("expiresAt").asText()));
    assertFalse(current.body().contains(token), "the token must never be echoed");

    HttpResponse<String> logout = api.logout(token);

    assertEquals(204, logout.statusCode(), logout::body);
    HttpResponse<String> after = api.current(token);
    assertProblem(after, 401, "UNAUTHORIZED");
    assertEquals(
        "Bearer realm=\"openpleb\", error=\"invalid_token\"",
        after.headers().firstValue("WWW-Authenticate").orElse(""));
    JsonNode row = api.support("GET", "session?id=" + opened.path("sessionId").asText());
    assertEquals("CLOSED", row.path("state").asText());
    assertEquals("LOGGED_OUT", row.path("close_reason").asText());
    assertFalse(row.path("wallet_id").asText().isEmpty(), row::toString);
    assertTrue(
        api.support("GET", "closed-events").findValues("sessionId").stream()
            .anyMatch(id -> id.asText().equals(opened.path("sessionId").asText())));
  }

  @Test
  void activityIsRecordedAtMostOncePerTouchInterval() throws Exception {
    JsonNode opened = api.loginOk(User.random());
    String id = opened.path("sessionId").asText();
    String token = opened.path("token").asText();
    api.current(token);
    JsonNode afterFirst = api.support("GET", "session?id=" + id);
    api.current(token);
    JsonNode afterSecond = api.support("GET", "session?id=" + id);
    assertEquals(1, api.support("POST", "idle?id=" + id + "&seconds=3600").path("updated").asInt());
    String backdated = api.support("GET", "session?id=" + id).path("last_seen_at").asText();

    api.current(token);
    String touched = api.support("GET", "session?id=" + id).path("last_seen_at").asText();
    api.current(token);
    String notTouchedAgain = api.support("GET", "session?id=" + id).path("last_seen_at").asText();

    // the first request after login is always written, so capacity relief can tell a session
    // that was used from one that never was; the next one within the interval writes nothing
    assertFalse(
        afterFirst.path("created_at").asText().equals(afterFirst.path("last_seen_at").asText()),
        "the first request after login is recorded");
    assertEquals(
        afterFirst.path("last_seen_at").asText(),
        afterSecond.path("last_seen_at").asText(),
        "a second request right after writes nothing");
    assertFalse(touched.equals(backdated), "a stale last-seen time is written");
    assertEquals(touched, notTouchedAgain, "within the interval nothing is written");
  }

  @Test
  void theApiIsDescribedInOpenApi() throws Exception {
    String document = api.get("/openapi", null).body();

    assertTrue(document.contains("/api/sessions/challenge:"), document);
    assertTrue(document.contains("/api/sessions/current:"), document);
    assertTrue(document.contains("/api/admin/capacity:"), document);
    assertTrue(document.contains("BIP-340"), document);
    assertTrue(document.contains("scheme: bearer"), document);
  }

  @Test
  void theTokenIsStoredOnlyAsItsHash() throws Exception {
    JsonNode opened = api.loginOk(User.random());
    String token = opened.path("token").asText();

    JsonNode stored =
        api.support("GET", "stored?value=" + token + "&hash=" + SessionToken.hashOf(token));

    assertEquals(0, stored.path("sessionsCells").asInt(), stored::toString);
    assertEquals(0, stored.path("admin_sessionsCells").asInt(), stored::toString);
    assertEquals(1, stored.path("sessionsHashes").asInt(), stored::toString);
  }

  @Test
  void aWrongSignatureIsRefusedAndLeavesTheChallengeUsable() throws Exception {
    User user = User.random();
    String challenge = api.challenge();
    String otherChallenge = api.challenge();
    double refusedBefore =
        api.metric(
            "openpleb_sessions_rejected_total{mp_scope=\"application\",reason=\"bad_signature\"}");

    HttpResponse<String> wrong = api.login(user.pubkey(), challenge, user.sign(otherChallenge));
    HttpResponse<String> byAnotherKey =
        api.login(User.random().pubkey(), challenge, user.sign(challenge));

    assertProblem(wrong, 401, "BAD_SIGNATURE");
    assertProblem(byAnotherKey, 401, "BAD_SIGNATURE");
    assertEquals(
        refusedBefore + 2,
        api.metric(
            "openpleb_sessions_rejected_total{mp_scope=\"application\",reason=\"bad_signature\"}"));
    HttpResponse<String> right = api.login(user.pubkey(), challenge, user.sign(challenge));
    assertEquals(201, right.statusCode(), right::body);
  }

  @Test
  void aReusedChallengeIsRefused() throws Exception {
    User user = User.random();
    String challenge = api.challenge();
    String signature = user.sign(challenge);
    assertEquals(201, api.login(user.pubkey(), challenge, signature).statusCode());

    HttpResponse<String> replay = api.login(user.pubkey(), challenge, signature);

    assertProblem(replay, 401, "CHALLENGE_USED");
  }

  @Test
  void anExpiredOrUnknownChallengeIsRefused() throws Exception {
    User user = User.random();
    String challenge = api.challenge();
    assertEquals(
        1, api.support("POST", "expire-challenge?challenge=" + challenge).path("updated").asInt());
    String neverIssued = "ab".repeat(32);

    HttpResponse<String> expired = api.login(user.pubkey(), challenge, user.sign(challenge));
    HttpResponse<String> unknown = api.login(user.pubkey(), neverIssued, user.sign(neverIssued));

    assertProblem(expired, 401, "CHALLENGE_EXPIRED");
    assertProblem(unknown, 401, "CHALLENGE_UNKNOWN");
  }

  @Test
  void malformedLoginsAreValidationFailures() throws Exception {
    User user = User.random();
    String challenge = api.challenge();

    HttpResponse<String> badKey = api.login("xyz", challenge, user.sign(challenge));
    HttpResponse<String> shortSignature = api.login(user.pubkey(), challenge, "00ff");
    HttpResponse<String> noBody = api.postJson("api/sessions", "{}");

    assertTrue(
        assertProblem(badKey, 400, "VALIDATION_FAILED").path("detail").asText().contains("pubkey"));
    assertTrue(
        assertProblem(shortSignature, 400, "VALIDATION_FAILED")
            .path("detail")
            .asText()
            .contains("signature"));
    assertProblem(noBody, 400, "VALIDATION_FAILED");
    assertEquals(201, api.login(user.pubkey(), challenge, user.sign(challenge)).statusCode());
  }

  @Test
  void requestsWithoutAValidBearerTokenAreUnauthorized() throws Exception {
    HttpResponse<String> none = api.get("api/sessions/current", null);
    HttpResponse<String> garbage = api.get("api/sessions/current", "not-a-token");
    HttpResponse<String> unknown = api.get("api/sessions/current", SessionToken.generate().value());

    assertProblem(none, 401, "UNAUTHORIZED");
    assertEquals(
        "Bearer realm=\"openpleb\"", none.headers().firstValue("WWW-Authenticate").orElse(""));
    assertProblem(garbage, 401, "UNAUTHORIZED");
    assertProblem(unknown, 401, "UNAUTHORIZED");
  }

  @Test
  void theSixthLoginIsRefusedUntilOneOfTheFiveLogsOut() throws Exception {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      tokens.add(api.loginOk(User.random()).path("token").asText());
    }
    User sixth = User.random();
    String challenge = api.challenge();

    HttpResponse<String> refused = api.login(sixth.pubkey(), challenge, sixth.sign(challenge));

    assertProblem(refused, 503, "SESSION_LIMIT_REACHED");
    assertEquals("17", refused.headers().firstValue("Retry-After").orElse(""), refused::body);
    for (String token : tokens) {
      assertEquals(200, api.current(token).statusCode(), "existing sessions keep working");
    }
    assertEquals(204, api.logout(tokens.get(0)).statusCode());
    // the refused login consumed nothing: the same challenge now opens the session
    HttpResponse<String> admitted = api.login(sixth.pubkey(), challenge, sixth.sign(challenge));
    assertEquals(201, admitted.statusCode(), admitted::body);
    assertTrue(
        api.metric("openpleb_sessions_rejected_total{mp_scope=\"application\",reason=\"limit\"}")
            >= 1);
  }

  @Test
  void concurrentLoginsNeverOvershootTheLimit() throws Exception {
    int attempts = 12;
    List<String[]> prepared = new ArrayList<>();
    for (int i = 0; i < attempts; i++) {
      User user = User.random();
      String challenge = api.challenge();
      prepared.add(new String[] {user.pubkey(), challenge, user.sign(challenge)});
    }
    ExecutorService pool = Executors.newFixedThreadPool(attempts);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (String[] login : prepared) {
        answers.add(pool.submit(() -> api.login(login[0], login[1], login[2])));
      }
      int created = 0;
      int refused = 0;
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get();
        if (response.statusCode() == 201) {
          created++;
        } else {
          assertProblem(response, 503, "SESSION_LIMIT_REACHED");
          refused++;
        }
      }
      assertEquals(5, created);
      assertEquals(attempts - 5, refused);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void adminLoginIsDisabledWhileNoCredentialsAreConfigured() throws Exception {
    HttpResponse<String> login =
        api.postJson("api/admin/sessions", "{\"user\":\"admin\",\"password\":\"admin\"}");
    HttpResponse<String> capacity = api.get("api/admin/capacity", null);
    String userToken = api.loginOk(User.random()).path("token").asText();
    HttpResponse<String> asUser = api.get("api/admin/capacity", userToken);

    assertProblem(login, 403, "ADMIN_LOGIN_DISABLED");
    assertProblem(capacity, 401, "UNAUTHORIZED");
    assertProblem(asUser, 403, "FORBIDDEN");
  }
}
