package org.openpleb.ee.web.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.ee.web.session.SessionApiClient.assertProblem;
import static org.openpleb.ee.web.session.SessionApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
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
import org.openpleb.ee.admin.AdminPasswordHasher;
import org.openpleb.ee.web.ItAdmission;
import org.openpleb.ee.web.session.SessionApiClient.User;

/**
 * Issue #11 acceptance 3: a login flood from one address is rate-limited; at EMERGENCY an honest
 * client from another address still logs in by solving the advertised proof of work, one that skips
 * the work is refused, and relief closes the flood's unused sessions, never an honest one with
 * activity, while any of them lives. The server trusts 127.0.0.1 as a proxy, so {@code
 * X-Forwarded-For} plays the distinct client addresses; the rate limits are production's defaults.
 */
@ExtendWith(ArquillianExtension.class)
class LoginFloodIT {

  private static final String FLOOD = "203.0.113.7";

  private static final String ADMIN_PASSWORD = "correct horse battery staple";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return SessionApiClient.deployment(
        "OPENPLEB_TRUSTED_PROXIES="
            + ItAdmission.localAddresses()
            + "\n"
            + "CAPACITY_MEMORY_SOURCE=test\n"
            // only the test's own checks run relief: a timer check at EMERGENCY after the unused
            // tier is gone rightly closes the idle tier, which raced the idle session's assertion
            + "CAPACITY_CHECK_INTERVAL=3600000\n"
            + "RATE_LIMIT_CHALLENGE_BURST=20\nRATE_LIMIT_CHALLENGE_PER_MINUTE=4\n"
            + "RATE_LIMIT_LOGIN_BURST=10\nRATE_LIMIT_LOGIN_PER_MINUTE=2\n"
            + "SESSION_POW_BITS_WARNING=8\nSESSION_POW_BITS_CRITICAL=12\n"
            + "SESSION_POW_BITS_EMERGENCY=16\n"
            + "RATE_LIMIT_ADMIN_LOGIN_BURST=10\nRATE_LIMIT_ADMIN_LOGIN_PER_MINUTE=2\n"
            + "OPENPLEB_ADMIN_USER=operator\n"
            + "OPENPLEB_ADMIN_PASSWORD_HASH="
            + AdminPasswordHasher.hash(ADMIN_PASSWORD.toCharArray())
            + "\n");
  }

  @ArquillianResource URL base;

  private SessionApiClient api;

  @BeforeEach
  void startFromNoLiveSessions() throws Exception {
    api = new SessionApiClient(base);
    assertEquals("NORMAL", api.support("POST", "reset").path("level").asText());
  }

  @Test
  void aThousandLoginAttemptsFromOneAddressAreRateLimited() throws Exception {
    SessionApiClient flood = api.from(FLOOD);
    List<String> challenges = new ArrayList<>();
    int challengesRefused = 0;
    for (int i = 0; i < 30; i++) {
      HttpResponse<String> issued = flood.challengeResponse();
      if (issued.statusCode() == 200) {
        challenges.add(json(issued).path("challenge").asText());
      } else {
        assertProblem(issued, 429, "TOO_MANY_REQUESTS");
        challengesRefused++;
      }
    }
    assertEquals(20, challenges.size(), "the challenge burst");
    assertEquals(10, challengesRefused);

    long start = System.nanoTime();
    List<HttpResponse<String>> answers = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        String challenge = challenges.get(i % challenges.size());
        sent.add(
            pool.submit(
                () -> {
                  User user = User.random();
                  return flood.login(user.pubkey(), challenge, user.sign(challenge));
                }));
      }
      for (Future<HttpResponse<String>> answer : sent) {
        answers.add(answer.get());
      }
    } finally {
      pool.shutdownNow();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    int opened = 0;
    int limited = 0;
    for (HttpResponse<String> answer : answers) {
      if (answer.statusCode() == 201) {
        opened++;
      } else if (answer.statusCode() == 429) {
        limited++;
        assertProblem(answer, 429, "TOO_MANY_REQUESTS");
        long retryAfter = Long.parseLong(answer.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter >= 1 && retryAfter <= 30, "Retry-After " + retryAfter);
      } else {
        // a login the limit let through may still fail on its own (a challenge used twice)
        assertEquals(401, answer.statusCode(), answer::body);
      }
    }
    // the burst of 10 plus one login per 30 s for as long as the flood took
    long allowed = 10 + took.toSeconds() / 30 + 1;
    assertTrue(opened <= allowed, opened + " sessions opened in " + took);
    assertTrue(limited >= 1000 - allowed, limited + " of 1000 limited in " + took);

    HttpResponse<String> honest = api.from("198.51.100.20").loginWithWork(User.random());
    assertEquals(201, honest.statusCode(), "another address is not limited: " + honest.body());
  }

  @Test
  void atEmergencyAnHonestClientGetsInWithTheWorkAndReliefShedsTheFloodFirst() throws Exception {
    // honest sessions: one active just now, one used and idle for two hours (past the idle limit)
    SessionApiClient honest = api.from("198.51.100.1");
    JsonNode active = honest.loginOk(User.random());
    assertEquals(200, honest.current(active.path("token").asText()).statusCode());
    JsonNode idle = honest.loginOk(User.random());
    String idleId = idle.path("sessionId").asText();
    assertEquals(
        1, api.support("POST", "used-idle?id=" + idleId + "&seconds=7200").path("updated").asInt());
    // the flood's sessions, opened after the honest ones and never used, from three addresses
    List<String> floodIds = new ArrayList<>();
    for (String address : List.of("203.0.113.17", "203.0.113.18", "203.0.113.19")) {
      SessionApiClient flood = api.from(address);
      for (int i = 0; i < 5; i++) {
        floodIds.add(flood.loginOk(User.random()).path("sessionId").asText());
      }
    }

    assertEquals("EMERGENCY", api.support("POST", "capacity?ratio=0.96").path("level").asText());

    for (String id : floodIds) {
      JsonNode row = api.support("GET", "session?id=" + id);
      assertEquals("CLOSED", row.path("state").asText(), "flood session " + id);
      assertEquals("CAPACITY", row.path("close_reason").asText());
    }
    assertEquals("LIVE", state(active.path("sessionId").asText()), "the active honest session");
    assertEquals("LIVE", state(idleId), "the idle honest session outlives every flood session");

    // a client from another address that skips the advertised work is refused ...
    SessionApiClient newcomer = api.from("192.0.2.50");
    HttpResponse<String> issued = newcomer.challengeResponse();
    assertEquals(200, issued.statusCode(), issued::body);
    JsonNode challenge = json(issued);
    assertEquals(16, challenge.path("pow").path("difficulty").asInt(), issued::body);
    String text = challenge.path("challenge").asText();
    User lazy = User.random();
    HttpResponse<String> skipped = newcomer.login(lazy.pubkey(), text, lazy.sign(text));
    assertProblem(skipped, 503, "CAPACITY_EMERGENCY");
    assertTrue(skipped.headers().firstValue("Retry-After").isPresent());
    HttpResponse<String> weak =
        newcomer.login(lazy.pubkey(), text, lazy.sign(text), weakNonce(text, 16));
    assertProblem(weak, 503, "CAPACITY_EMERGENCY");

    // ... and one that solves it gets in
    HttpResponse<String> worked = newcomer.loginWithWork(User.random());
    assertEquals(201, worked.statusCode(), worked::body);
    String workedToken = json(worked).path("token").asText();
    assertEquals(200, newcomer.current(workedToken).statusCode());

    // the next relief round has no unused session left and keeps every honest one
    assertEquals("EMERGENCY", api.support("POST", "capacity?ratio=0.97").path("level").asText());
    assertEquals("LIVE", state(active.path("sessionId").asText()));
    assertEquals("LIVE", state(json(worked).path("sessionId").asText()));
  }

  @Test
  void adminPasswordGuessesBackOffBeforeAnyHashingAndOtherAddressesStillGetIn() throws Exception {
    SessionApiClient guesser = api.from("203.0.113.99");
    for (int i = 0; i < 4; i++) {
      assertProblem(
          guesser.postJson("api/admin/sessions", "{\"user\":\"root\",\"password\":\"guess\"}"),
          401,
          "BAD_CREDENTIALS");
    }

    HttpResponse<String> backedOff =
        guesser.postJson("api/admin/sessions", "{\"user\":\"root\",\"password\":\"guess\"}");
    assertProblem(backedOff, 429, "TOO_MANY_REQUESTS");
    assertTrue(backedOff.headers().firstValue("Retry-After").isPresent(), backedOff::toString);

    HttpResponse<String> operator =
        api.from("198.51.100.77")
            .postJson(
                "api/admin/sessions",
                "{\"user\":\"operator\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
    assertEquals(201, operator.statusCode(), operator::body);
  }

  private String state(String sessionId) throws Exception {
    return api.support("GET", "session?id=" + sessionId).path("state").asText();
  }

  /** A nonce whose hash has fewer than {@code bits} leading zero bits. */
  private static String weakNonce(String challenge, int bits) {
    for (long n = 0; ; n++) {
      String nonce = Long.toString(n);
      if (org.openpleb.ee.session.ProofOfWork.leadingZeroBits(challenge, nonce) < bits) {
        return nonce;
      }
    }
  }
}
