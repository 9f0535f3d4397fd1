package org.openpleb.ee.session;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.openpleb.cashu.crypto.Schnorr;

/**
 * What a user presents to log in: an x-only secp256k1 public key, a challenge the server issued,
 * and a BIP-340 signature by that key.
 *
 * <p>The signed message is the SHA-256 of the challenge's UTF-8 text: the client hashes the 64 hex
 * characters exactly as received (not the 32 bytes they encode) and signs the 32-byte digest with
 * BIP-340. Keys and signatures are accepted in either case of hex and stored in lowercase.
 *
 * @param pubkey the x-only public key, 64 lowercase hex characters
 * @param challenge the challenge as issued, 64 lowercase hex characters
 * @param signature the BIP-340 signature, 128 lowercase hex characters
 */
public record LoginProof(String pubkey, String challenge, String signature) {

  private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{128}");

  /** Checks the shape of every part of a login, before any cryptography or database work. */
  public LoginProof {
    pubkey = require("pubkey", pubkey, KEY, "64 hex characters (an x-only public key)");
    challenge = require("challenge", challenge, KEY, "64 hex characters as issued");
    signature = require("signature", signature, SIGNATURE, "128 hex characters (BIP-340)");
  }

  private static String require(String field, String value, Pattern form, String expectation) {
    if (value == null || value.isBlank()) {
      throw new LoginRefusedException(LoginRefusal.BAD_INPUT, field + " is required");
    }
    String normal = value.trim().toLowerCase(Locale.ROOT);
    if (!form.matcher(normal).matches()) {
      throw new LoginRefusedException(LoginRefusal.BAD_INPUT, field + " must be " + expectation);
    }
    return normal;
  }

  /** The 32-byte message the signature must cover: SHA-256 of the challenge's UTF-8 text. */
  public static byte[] message(String challenge) {
    return SessionToken.sha256(challenge.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether the signature is a valid BIP-340 signature by {@link #pubkey()} over {@link
   * #message(String)} of the challenge. A key that is not on the curve does not verify.
   */
  public boolean verifies() {
    HexFormat hex = HexFormat.of();
    return Schnorr.verify(hex.parseHex(pubkey), message(challenge), hex.parseHex(signature));
  }
}
