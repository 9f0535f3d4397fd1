package org.openpleb.ee.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.web.problem.Problem;

class BearerCredentialsTest {

  private static final String TOKEN = "n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg";

  @Test
  void theTokenIsWhatFollowsTheBearerScheme() {
    assertEquals(Optional.of(TOKEN), BearerCredentials.token("Bearer " + TOKEN));
    assertEquals(Optional.of(TOKEN), BearerCredentials.token("bearer   " + TOKEN + " "));
    assertEquals(Optional.of(TOKEN), BearerCredentials.token("BEARER " + TOKEN));
  }

  @Test
  void otherSchemesAndEmptyHeadersCarryNoToken() {
    assertEquals(Optional.empty(), BearerCredentials.token((String) null));
    assertEquals(Optional.empty(), BearerCredentials.token(""));
    assertEquals(Optional.empty(), BearerCredentials.token("Bearer"));
    assertEquals(Optional.empty(), BearerCredentials.token("Bearer    "));
    assertEquals(Optional.empty(), BearerCredentials.token("Basic YWRtaW46cHc="));
    assertEquals(Optional.empty(), BearerCredentials.token("Bearer" + TOKEN));
  }

  @Test
  void aRefusalWithoutATokenChallengesForOne() {
    Response response = BearerCredentials.unauthorized("log in", "/api/sessions/current", false);

    assertEquals(401, response.getStatus());
    assertEquals("application/problem+json", response.getMediaType().toString());
    assertEquals(
        "Bearer realm=\"openpleb\"", response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
    Problem problem = (Problem) response.getEntity();
    assertEquals("UNAUTHORIZED", problem.code());
    assertEquals("/api/sessions/current", problem.instance());
  }

  @Test
  void aRefusedTokenIsReportedAsInvalid() {
    Response response = BearerCredentials.unauthorized("expired", "/api/x", true);

    assertEquals(
        "Bearer realm=\"openpleb\", error=\"invalid_token\"",
        response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
  }

  @Test
  void aForbiddenCallerGets403WithoutAChallenge() {
    Response response = BearerCredentials.forbidden("admins only", "/api/admin/capacity");

    assertEquals(403, response.getStatus());
    assertEquals(null, response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
    assertEquals("FORBIDDEN", ((Problem) response.getEntity()).code());
  }
}
