package org.openpleb.ee.admin;

import java.time.OffsetDateTime;

/**
 * A successful admin login as handed to the operator: the only time the token leaves the server.
 *
 * @param sessionId the admin session
 * @param token the bearer token (secret; never logged)
 * @param expiresAt when it stops working
 */
public record AdminGrant(String sessionId, String token, OffsetDateTime expiresAt) {

  @Override
  public String toString() {
    return "AdminGrant[" + sessionId + " until " + expiresAt + "]";
  }
}
