package org.openpleb.ee.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the stored answers of idempotent requests, which can hold what the request bought (a
 * withdrawn Cashu token, an invoice): whoever reads the database must not be able to take the
 * money. Each answer body is encrypted with AES-256-GCM under a key derived from the master secret,
 * with a random 96-bit nonce, and bound (as associated data) to its user, endpoint, key, status and
 * media type, so a sealed body cannot be moved to another row or replayed under another status.
 *
 * <p>Every answer is sealed, not only those known to carry a secret: guessing which answers are
 * sensitive would fail open with the next endpoint, and sealing costs microseconds. A stored body
 * reads {@value #PREFIX} followed by base64 of nonce and ciphertext; a JSON body (a row stored
 * before sealing existed) never starts that way and is replayed as it is.
 */
public final class AnswerSeal {

  /** Marks a sealed body; JSON text never starts with it. */
  static final String PREFIX = "sealed1:";

  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random;

  /**
   * A seal under {@code key}.
   *
   * @param key 32 bytes, e.g. {@code MasterSeed.answerKey()}; copied
   */
  public AnswerSeal(byte[] key, SecureRandom random) {
    Objects.requireNonNull(key, "key");
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("the answer key must have 32 bytes");
    }
    this.key = new SecretKeySpec(Arrays.copyOf(key, KEY_BYTES), "AES");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The answer as it is stored: its body sealed, status and media type as they are. */
  public StoredAnswer seal(IdempotencyScope scope, StoredAnswer answer) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed;
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce);
      cipher.updateAAD(associatedData(scope, answer.status(), answer.mediaType()));
      sealed = cipher.doFinal(answer.body().getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java platform", e);
    }
    byte[] stored = new byte[NONCE_BYTES + sealed.length];
    System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
    System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
    return new StoredAnswer(
        answer.status(), answer.mediaType(), PREFIX + Base64.getEncoder().encodeToString(stored));
  }

  /**
   * The answer to replay: a sealed body opened, a body stored before sealing existed as it is.
   *
   * @throws IllegalStateException when a sealed body does not open: it was altered, moved to
   *     another row, or sealed under another master secret
   */
  public StoredAnswer open(IdempotencyScope scope, StoredAnswer stored) {
    if (!sealed(stored.body())) {
      return stored;
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(stored.body().substring(PREFIX.length()));
      if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
        throw new IllegalStateException("A sealed idempotent answer is truncated");
      }
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES));
      cipher.updateAAD(associatedData(scope, stored.status(), stored.mediaType()));
      byte[] body = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      return new StoredAnswer(
          stored.status(), stored.mediaType(), new String(body, StandardCharsets.UTF_8));
    } catch (AEADBadTagException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "A sealed idempotent answer of " + scope.endpoint() + " does not open", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java platform", e);
    }
  }

  /** Whether a stored body is sealed. */
  static boolean sealed(String body) {
    return body != null && body.startsWith(PREFIX);
  }

  private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    return cipher;
  }

  private static byte[] associatedData(IdempotencyScope scope, int status, String mediaType) {
    // the key is visible ASCII and the other parts contain no line feed: the joint is unambiguous
    String data =
        String.join(
            "\n",
            "openpleb idempotent answer",
            scope.pubkey(),
            scope.endpoint(),
            scope.key(),
            Integer.toString(status),
            String.valueOf(mediaType));
    return data.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "AnswerSeal[redacted]";
  }
}
