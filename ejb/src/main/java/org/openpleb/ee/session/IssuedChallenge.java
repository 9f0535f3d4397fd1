package org.openpleb.ee.session;

import java.time.OffsetDateTime;

/**
 * A login challenge as handed to the client.
 *
 * @param challenge 64 lowercase hex characters (32 random bytes) to sign
 * @param expiresAt the login must arrive before this instant
 */
public record IssuedChallenge(String challenge, OffsetDateTime expiresAt) {}
