package org.openpleb.ee.session;

import java.time.OffsetDateTime;

/**
 * A login challenge as handed to the client.
 *
 * @param challenge 64 lowercase hex characters to sign; the first two are the difficulty
 * @param expiresAt the login must arrive before this instant
 * @param powBits the proof-of-work difficulty in leading zero bits, 0 for none (see {@link
 *     ProofOfWork})
 */
public record IssuedChallenge(String challenge, OffsetDateTime expiresAt, int powBits) {}
