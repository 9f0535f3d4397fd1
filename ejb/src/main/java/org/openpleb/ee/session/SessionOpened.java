package org.openpleb.ee.session;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * CDI event: a login opened a session. Fired after the login transaction committed.
 *
 * @param sessionId the new session
 * @param pubkey the user's x-only public key (hex)
 * @param walletId the wallet id assigned to it (no wallet is opened yet)
 * @param expiresAt when it ends at the latest
 */
public record SessionOpened(
    String sessionId, String pubkey, String walletId, OffsetDateTime expiresAt) {

  public SessionOpened {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(pubkey, "pubkey");
    Objects.requireNonNull(walletId, "walletId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
