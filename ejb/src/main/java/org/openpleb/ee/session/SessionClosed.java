package org.openpleb.ee.session;

import java.util.Objects;

/**
 * CDI event: a user session has ended (logout, expiry or capacity relief) and its token no longer
 * works. Fired once per session, only after the closing transaction committed, so observers need no
 * transaction phase of their own; the wallet registry releases the wallet handle and marks the
 * wallet dormant.
 *
 * @param sessionId the closed session
 * @param pubkey the user's x-only public key (hex)
 * @param walletId the session's wallet, which may still hold value
 * @param reason why it was closed
 */
public record SessionClosed(
    String sessionId, String pubkey, String walletId, SessionCloseReason reason) {

  public SessionClosed {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(pubkey, "pubkey");
    Objects.requireNonNull(walletId, "walletId");
    Objects.requireNonNull(reason, "reason");
  }
}
