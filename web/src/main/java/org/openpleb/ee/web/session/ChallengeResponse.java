package org.openpleb.ee.web.session;

import java.time.OffsetDateTime;
import org.openpleb.ee.session.IssuedChallenge;

/**
 * A login challenge: sign SHA-256 of its UTF-8 text with BIP-340 and log in before {@code
 * expiresAt}.
 *
 * @param challenge 64 lowercase hex characters (32 random bytes), single use
 * @param expiresAt the login must arrive before this instant
 */
public record ChallengeResponse(String challenge, OffsetDateTime expiresAt) {

  static ChallengeResponse of(IssuedChallenge issued) {
    return new ChallengeResponse(issued.challenge(), issued.expiresAt());
  }
}
