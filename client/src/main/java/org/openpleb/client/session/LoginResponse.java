package org.openpleb.client.session;

import java.time.OffsetDateTime;

/**
 * An opened session: the only answer that carries its token.
 *
 * @param sessionId the session id (not a secret)
 * @param token the bearer token, a secret
 * @param expiresAt when the token stops working at the latest
 */
public record LoginResponse(String sessionId, String token, OffsetDateTime expiresAt) {

  /** The {@code Authorization} header value for this session's requests. */
  public String authorization() {
    return Bearer.of(token);
  }

  @Override
  public String toString() {
    // the token is a bearer secret: never in a log line
    return "LoginResponse[" + sessionId + " until " + expiresAt + "]";
  }
}
