package org.openpleb.ee.web.session;

import java.time.OffsetDateTime;
import org.openpleb.ee.session.IssuedChallenge;
import org.openpleb.ee.session.ProofOfWork;

/**
 * A login challenge: sign SHA-256 of its UTF-8 text with BIP-340 and log in before {@code
 * expiresAt}.
 *
 * @param challenge 64 lowercase hex characters (32 random bytes), single use
 * @param expiresAt the login must arrive before this instant
 * @param pow the proof of work the login must carry
 */
public record ChallengeResponse(String challenge, OffsetDateTime expiresAt, Pow pow) {

  static ChallengeResponse of(IssuedChallenge issued) {
    return new ChallengeResponse(
        issued.challenge(), issued.expiresAt(), new Pow(ProofOfWork.ALGORITHM, issued.powBits()));
  }

  /**
   * The proof of work a login with this challenge must carry as {@code powNonce}.
   *
   * @param algorithm always {@code sha256-leading-zero-bits}: SHA-256 of the UTF-8 bytes of {@code
   *     challenge + ":" + powNonce} must start with {@code difficulty} zero bits
   * @param difficulty leading zero bits, 0 (no work, no nonce needed) to 32
   */
  public record Pow(String algorithm, int difficulty) {}
}
