package org.openpleb.ee.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** CORS for configured origins only, never a wildcard. */
class CorsPolicyTest {

  private static final String APP = "https://app.example.com";

  private final CorsPolicy policy = new CorsPolicy(Set.of(APP));

  @Test
  void aPreflightFromAnAllowedOriginNamesWhatMayBeSent() {
    Map<String, String> headers = policy.preflight(APP).orElseThrow();

    assertEquals(APP, headers.get("Access-Control-Allow-Origin"));
    assertTrue(headers.get("Access-Control-Allow-Methods").contains("POST"));
    assertTrue(headers.get("Access-Control-Allow-Methods").contains("DELETE"));
    for (String header :
        new String[] {"Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id"}) {
      assertTrue(headers.get("Access-Control-Allow-Headers").contains(header), header);
    }
    assertEquals("600", headers.get("Access-Control-Max-Age"));
    assertFalse(headers.containsKey("Access-Control-Allow-Credentials"));
  }

  @Test
  void aForeignOriginGetsNothing() {
    assertTrue(policy.preflight("https://evil.example.com").isEmpty());
    assertTrue(policy.preflight("https://app.example.com.evil.example").isEmpty());
    assertFalse(
        policy.response("https://evil.example.com").containsKey("Access-Control-Allow-Origin"));
    assertFalse(policy.response("null").containsKey("Access-Control-Allow-Origin"));
  }

  @Test
  void anAllowedResponseExposesTheHeadersAClientNeeds() {
    Map<String, String> headers = policy.response(APP);

    assertEquals(APP, headers.get("Access-Control-Allow-Origin"));
    for (String header : new String[] {"Location", "Retry-After", CorsPolicy.CORRELATION_ID}) {
      assertTrue(headers.get("Access-Control-Expose-Headers").contains(header), header);
    }
    assertEquals("Origin", headers.get("Vary"));
  }

  @Test
  void withoutConfiguredOriginsNoHeaderIsWritten() {
    CorsPolicy none = new CorsPolicy(Set.of());

    assertTrue(none.response(APP).isEmpty());
    assertTrue(none.preflight(APP).isEmpty());
  }

  @Test
  void onlyAnOptionsRequestAskingAboutAMethodIsAPreflight() {
    assertTrue(CorsPolicy.isPreflight("OPTIONS", APP, "POST"));
    assertFalse(CorsPolicy.isPreflight("OPTIONS", APP, null));
    assertFalse(CorsPolicy.isPreflight("OPTIONS", null, "POST"));
    assertFalse(CorsPolicy.isPreflight("POST", APP, "POST"));
  }
}
