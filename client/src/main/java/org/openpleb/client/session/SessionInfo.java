package org.openpleb.client.session;

import java.time.OffsetDateTime;

/**
 * The caller's session; never the token.
 *
 * @param sessionId the session id
 * @param pubkey the user's x-only public key
 * @param createdAt when the session was opened
 * @param expiresAt when it ends at the latest
 */
public record SessionInfo(
    String sessionId, String pubkey, OffsetDateTime createdAt, OffsetDateTime expiresAt) {}
