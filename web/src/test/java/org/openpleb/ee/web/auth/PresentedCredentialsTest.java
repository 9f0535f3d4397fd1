package org.openpleb.ee.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.admin.AdminPrincipal;
import org.openpleb.ee.session.SessionPrincipal;

/**
 * The one rule every endpoint applies to the Authorization header: none is anonymous, a live
 * session's token is its caller, anything else is refused.
 */
class PresentedCredentialsTest {

  private static final OffsetDateTime NOW =
      OffsetDateTime.of(2026, 12, 7, 7, 0, 0, 0, ZoneOffset.UTC);
  private static final String USER_TOKEN = "n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg";
  private static final String ADMIN_TOKEN = "Jr2m0cV7yq9kP4wXzT1bN8sLhD6fGa3eQuYiOo5RtEw";
  private static final SessionPrincipal USER =
      new SessionPrincipal("s-1", "ab".repeat(32), "w-1", NOW, NOW.plusHours(1));
  private static final AdminPrincipal ADMIN = new AdminPrincipal("a-1", "operator", NOW);

  private final List<String> looked = new ArrayList<>();

  private PresentedCredentials judge(String header) {
    Function<String, Optional<SessionPrincipal>> users =
        token -> {
          looked.add("user:" + token);
          return Optional.ofNullable(Map.of(USER_TOKEN, USER).get(token));
        };
    Function<String, Optional<AdminPrincipal>> admins =
        token -> {
          looked.add("admin:" + token);
          return Optional.ofNullable(Map.of(ADMIN_TOKEN, ADMIN).get(token));
        };
    return PresentedCredentials.judge(header, users, admins);
  }

  @Test
  void noHeaderIsAnAnonymousCallerAndLooksNothingUp() {
    assertInstanceOf(PresentedCredentials.None.class, judge(null));
    assertTrue(looked.isEmpty());
  }

  @Test
  void aLiveSessionsTokenIsItsCaller() {
    assertEquals(new PresentedCredentials.User(USER), judge("Bearer " + USER_TOKEN));
    assertEquals(new PresentedCredentials.Admin(ADMIN), judge("bearer " + ADMIN_TOKEN));
  }

  @Test
  void anUnknownExpiredOrLoggedOutTokenIsRefusedAsAnInvalidToken() {
    PresentedCredentials refused = judge("Bearer " + USER_TOKEN.replace('n', 'm'));

    PresentedCredentials.Refused refusal =
        assertInstanceOf(PresentedCredentials.Refused.class, refused);
    assertTrue(refusal.detail().contains("unknown, logged out or expired"), refusal::detail);
    assertEquals(2, looked.size(), "both kinds of session were asked: " + looked);
  }

  @Test
  void aHeaderThatCarriesNoBearerTokenIsRefusedWithoutALookup() {
    for (String header : List.of("", "   ", "Bearer", "Bearer   ", "Basic b3BlcmF0b3I6cHc=")) {
      PresentedCredentials.Refused refusal =
          assertInstanceOf(PresentedCredentials.Refused.class, judge(header), header);
      assertTrue(refusal.detail().contains("not a bearer token"), refusal::detail);
    }
    assertTrue(looked.isEmpty(), looked::toString);
  }
}
