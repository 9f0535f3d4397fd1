package org.openpleb.client.session;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.openpleb.cashu.crypto.Schnorr;

/**
 * A user's secp256k1 key: who a user is to the server. The same key logs in again later and finds
 * its offers and dormant wallets; whoever holds the secret is that user, so keep it like a
 * password.
 */
public final class UserKey {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] secret;
  private final String pubkey;

  private UserKey(byte[] secret) {
    this.secret = secret.clone();
    this.pubkey = HEX.formatHex(Schnorr.publicKey(this.secret));
  }

  /** A new random key. */
  public static UserKey random() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return new UserKey(secret);
  }

  /** The key of a 32-byte secret (a scalar between 1 and the curve order). */
  public static UserKey of(byte[] secret32) {
    if (secret32 == null || secret32.length != 32) {
      throw new IllegalArgumentException("a secret key is 32 bytes");
    }
    return new UserKey(secret32);
  }

  /** The x-only public key, 64 lowercase hex characters. */
  public String pubkey() {
    return pubkey;
  }

  /**
   * The login signature over {@code challenge}: BIP-340 over SHA-256 of the challenge's UTF-8 text
   * (the 64 hex characters as received, not the bytes they encode), 128 lowercase hex characters.
   */
  public String sign(String challenge) {
    byte[] aux = new byte[32];
    RANDOM.nextBytes(aux);
    return HEX.formatHex(Schnorr.sign(secret, message(challenge), aux));
  }

  /** The 32-byte message a login signature covers: SHA-256 of the challenge's UTF-8 text. */
  public static byte[] message(String challenge) {
    return ProofOfWork.sha256(challenge.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "UserKey[" + pubkey + "]";
  }
}
