package org.openpleb.bench.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.openpleb.cashu.crypto.CashuCryptoException;
import org.openpleb.cashu.crypto.Schnorr;

/**
 * A user's identity: a secp256k1 secret key whose x-only public key is the user's pubkey, able to
 * sign the server's login challenge the way {@code POST /api/sessions} verifies it.
 */
public final class UserKey {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] secret;
  private final String pubkeyHex;

  private UserKey(byte[] secret) {
    this.secret = secret;
    this.pubkeyHex = HEX.formatHex(Schnorr.publicKey(secret));
  }

  /** A fresh random key. */
  public static UserKey random() {
    while (true) {
      byte[] secret = new byte[32];
      RANDOM.nextBytes(secret);
      try {
        return new UserKey(secret);
      } catch (CashuCryptoException e) {
        // zero or not below the curve order: astronomically rare, draw again
      }
    }
  }

  /** The x-only public key, 64 lowercase hex characters. */
  public String pubkey() {
    return pubkeyHex;
  }

  /**
   * The BIP-340 signature, 128 hex characters, over SHA-256 of the challenge text's UTF-8 bytes
   * (the text is hashed as received, not hex-decoded).
   */
  public String signChallenge(String challenge) {
    byte[] aux = new byte[32];
    RANDOM.nextBytes(aux);
    return HEX.formatHex(Schnorr.sign(secret, sha256(challenge), aux));
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** Only the public half is shown. */
  @Override
  public String toString() {
    return "UserKey[" + pubkeyHex + "]";
  }
}
