package org.openpleb.bench.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Logs users in the way a wallet app does: ask for a challenge, sign it, post the signature. Both
 * calls are timed under their own endpoint labels.
 */
public final class LoginClient {

  /** Label of the challenge call. */
  public static final String CHALLENGE = "POST /api/sessions/challenge";

  /** Label of the login call. */
  public static final String LOGIN = "POST /api/sessions";

  /** Label of the session read the driver uses to keep sessions in use. */
  public static final String CURRENT = "GET /api/sessions/current";

  /** Label of the logout call. */
  public static final String LOGOUT = "DELETE /api/sessions/current";

  private final ApiClient api;

  /** Logs in through {@code api}. */
  public LoginClient(ApiClient api) {
    this.api = api;
  }

  /**
   * Logs {@code key} in; empty when the server refused (the refusal's status is in {@code refusal},
   * when given).
   */
  public Optional<UserSession> login(UserKey key, int[] refusal) {
    ApiResponse challenge = api.post(CHALLENGE, "/api/sessions/challenge", null, null);
    String text = challenge.text("challenge");
    if (!challenge.ok() || text == null) {
      remember(refusal, challenge.status());
      return Optional.empty();
    }
    Map<String, String> body = new LinkedHashMap<>();
    body.put("pubkey", key.pubkey());
    body.put("challenge", text);
    body.put("signature", key.signChallenge(text));
    ApiResponse opened = api.post(LOGIN, "/api/sessions", null, body);
    String token = opened.text("token");
    if (!opened.ok() || token == null) {
      remember(refusal, opened.status());
      return Optional.empty();
    }
    return Optional.of(new UserSession(key, opened.text("sessionId"), token));
  }

  /** Reads the session; true when the server still knows it. */
  public boolean touch(UserSession session) {
    return api.get(CURRENT, "/api/sessions/current", session.token()).ok();
  }

  /** Logs the session out; true when the server answered 2xx. */
  public boolean logout(UserSession session) {
    return api.send(LOGOUT, api.builder("/api/sessions/current", session.token()).DELETE().build())
        .ok();
  }

  private static void remember(int[] refusal, int status) {
    if (refusal != null && refusal.length > 0) {
      refusal[0] = status;
    }
  }
}
