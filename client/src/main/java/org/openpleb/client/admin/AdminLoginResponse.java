package org.openpleb.client.admin;

import java.time.OffsetDateTime;
import org.openpleb.client.session.Bearer;

/**
 * An opened admin session: the only answer that carries its token.
 *
 * @param sessionId the admin session id
 * @param token the bearer token for the admin API, a secret
 * @param expiresAt when it stops working
 */
public record AdminLoginResponse(String sessionId, String token, OffsetDateTime expiresAt) {

  /** The {@code Authorization} header value for admin requests. */
  public String authorization() {
    return Bearer.of(token);
  }

  @Override
  public String toString() {
    return "AdminLoginResponse[" + sessionId + " until " + expiresAt + "]";
  }
}
