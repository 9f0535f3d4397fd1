package org.openpleb.ee.events;

import java.time.Instant;
import java.util.Objects;

/**
 * The session an authenticated event stream belongs to: its private events go to this pubkey, and
 * the stream ends with the session. Carries no token.
 *
 * @param sessionId the session
 * @param pubkey the user's x-only pubkey (hex)
 * @param expiresAt when the session ends at the latest
 */
public record StreamOwner(String sessionId, String pubkey, Instant expiresAt) {

  /** Requires every part. */
  public StreamOwner {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(pubkey, "pubkey");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
