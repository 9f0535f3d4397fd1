package org.openpleb.ee.web.session;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openpleb.ee.session.SessionGrant;

/**
 * An opened session: the only response that carries its token.
 *
 * @param sessionId the session id (not a secret)
 * @param token the bearer token for {@code Authorization: Bearer}; 43 base64url characters
 * @param expiresAt when the token stops working at the latest
 */
@Schema(description = "An opened session; the only answer that carries its token")
public record LoginResponse(String sessionId, String token, OffsetDateTime expiresAt) {

  static LoginResponse of(SessionGrant grant) {
    return new LoginResponse(grant.sessionId(), grant.token(), grant.expiresAt());
  }

  @Override
  public String toString() {
    return "LoginResponse[" + sessionId + " until " + expiresAt + "]";
  }
}
