package org.openpleb.bench.client;

/**
 * A logged-in user as the driver holds it: the key that logged in and the bearer token the server
 * issued.
 *
 * @param key the user's key
 * @param sessionId the server's session id
 * @param token the bearer token (never printed)
 */
public record UserSession(UserKey key, String sessionId, String token) {

  @Override
  public String toString() {
    return "UserSession[" + sessionId + " of " + key.pubkey() + "]";
  }
}
