package org.openpleb.ee.session;

import java.time.OffsetDateTime;

/**
 * A successful login as handed to the client: the only time the bearer token leaves the server.
 *
 * @param sessionId the new session
 * @param token the bearer token (secret; never logged)
 * @param expiresAt when the token stops working at the latest
 */
public record SessionGrant(String sessionId, String token, OffsetDateTime expiresAt) {

  @Override
  public String toString() {
    return "SessionGrant[" + sessionId + " until " + expiresAt + "]";
  }
}
