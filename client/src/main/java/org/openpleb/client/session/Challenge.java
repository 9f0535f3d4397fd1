package org.openpleb.client.session;

import java.time.OffsetDateTime;

/**
 * A login challenge: sign SHA-256 of its UTF-8 text with BIP-340 and log in before {@code
 * expiresAt}, with the proof of work {@code pow} asks for.
 *
 * @param challenge 64 lowercase hex characters, single use
 * @param expiresAt the login must arrive before this instant
 * @param pow the proof of work the login must carry
 */
public record Challenge(String challenge, OffsetDateTime expiresAt, Pow pow) {

  /**
   * The proof of work a login with this challenge must carry as {@code powNonce}.
   *
   * @param algorithm {@code sha256-leading-zero-bits}
   * @param difficulty leading zero bits, 0 (no work) to 32
   */
  public record Pow(String algorithm, int difficulty) {}
}
