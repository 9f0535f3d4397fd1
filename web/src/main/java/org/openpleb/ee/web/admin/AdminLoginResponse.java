package org.openpleb.ee.web.admin;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openpleb.ee.admin.AdminGrant;

/**
 * An opened admin session: the only response that carries its token.
 *
 * @param sessionId the admin session id
 * @param token the bearer token for the admin API
 * @param expiresAt when it stops working ({@code OPENPLEB_ADMIN_SESSION_EXPIRY} after login)
 */
@Schema(description = "An opened admin session; the only answer that carries its token")
public record AdminLoginResponse(String sessionId, String token, OffsetDateTime expiresAt) {

  static AdminLoginResponse of(AdminGrant grant) {
    return new AdminLoginResponse(grant.sessionId(), grant.token(), grant.expiresAt());
  }

  @Override
  public String toString() {
    return "AdminLoginResponse[" + sessionId + " until " + expiresAt + "]";
  }
}
