package org.openpleb.ee.idempotency;

import java.util.Objects;
import java.util.regex.Pattern;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/**
 * Whose retry of what: a user (public key), an endpoint and the client's {@code Idempotency-Key}.
 * The same key sent by another user or to another endpoint is another request.
 *
 * @param pubkey the user's x-only public key (hex)
 * @param endpoint a stable name of the operation, e.g. {@code wallet.withdrawals.token}
 * @param key the client's key: 1 to 255 visible ASCII characters
 */
public record IdempotencyScope(String pubkey, String endpoint, String key) {

  /** The longest key accepted. */
  public static final int MAX_KEY_LENGTH = 255;

  private static final Pattern KEY = Pattern.compile("[\\x20-\\x7e]{1,255}");

  /** Checks the parts; a malformed key is the client's error (400). */
  public IdempotencyScope {
    Objects.requireNonNull(pubkey, "pubkey");
    Objects.requireNonNull(endpoint, "endpoint");
    if (endpoint.isEmpty() || endpoint.length() > 64) {
      throw new IllegalArgumentException("endpoint must have 1 to 64 characters");
    }
    if (key == null || !KEY.matcher(key).matches() || key.isBlank()) {
      throw new DomainException(
          ProblemCode.VALIDATION_FAILED,
          "Idempotency-Key must have 1 to " + MAX_KEY_LENGTH + " visible ASCII characters");
    }
  }
}
