package org.openpleb.ee.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.openpleb.ee.platform.SecretBox;

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
  static final String PREFIX = SecretBox.PREFIX;

  private final SecretBox box;

  /**
   * A seal under {@code key}.
   *
   * @param key 32 bytes, e.g. {@code MasterSeed.answerKey()}; copied
   */
  public AnswerSeal(byte[] key, SecureRandom random) {
    this.box = new SecretBox(key, random);
  }

  /** The answer as it is stored: its body sealed, status and media type as they are. */
  public StoredAnswer seal(IdempotencyScope scope, StoredAnswer answer) {
    return new StoredAnswer(
        answer.status(),
        answer.mediaType(),
        box.seal(answer.body(), associatedData(scope, answer.status(), answer.mediaType())));
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
      return new StoredAnswer(
          stored.status(),
          stored.mediaType(),
          box.open(stored.body(), associatedData(scope, stored.status(), stored.mediaType())));
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          "A sealed idempotent answer of " + scope.endpoint() + " does not open", e);
    }
  }

  /** Whether a stored body is sealed. */
  static boolean sealed(String body) {
    return SecretBox.sealed(body);
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
