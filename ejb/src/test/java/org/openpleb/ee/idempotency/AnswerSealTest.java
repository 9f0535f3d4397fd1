package org.openpleb.ee.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Stored answers are sealed: unreadable at rest, bound to their row, and replayed exactly. */
class AnswerSealTest {

  private static final String TOKEN =
      "cashuBo2FteBtodHRwOi8vMTI3LjAuMC4xOjMzMzgvYWxpY2VhdWNzYXRhdIGiYWlIAK0mjE0fWCZhcIGjYWEBYXN4QDk";
  private static final String BODY = "{\"amount\":1000,\"token\":\"" + TOKEN + "\"}";
  private static final IdempotencyScope SCOPE =
      new IdempotencyScope("a1".repeat(32), "wallet.withdrawals.token", "key-1");

  private final AnswerSeal seal = new AnswerSeal(key((byte) 7), new SecureRandom());

  @Test
  void aSealedAnswerHoldsNoTokenTextAndOpensToTheSameBody() {
    StoredAnswer answer = new StoredAnswer(200, "application/json", BODY);

    StoredAnswer stored = seal.seal(SCOPE, answer);

    assertTrue(stored.body().startsWith("sealed1:"), stored.body());
    assertFalse(stored.body().contains("cashu"));
    assertFalse(stored.body().contains(TOKEN.substring(10, 40)));
    assertEquals(200, stored.status());
    assertEquals("application/json", stored.mediaType());
    assertEquals(answer, seal.open(SCOPE, stored));
  }

  @Test
  void everySealUsesAFreshNonce() {
    StoredAnswer answer = new StoredAnswer(200, "application/json", BODY);

    assertNotEquals(seal.seal(SCOPE, answer).body(), seal.seal(SCOPE, answer).body());
  }

  @Test
  void aSealedBodyOpensOnlyInItsOwnRowWithItsOwnStatusAndKey() {
    StoredAnswer stored = seal.seal(SCOPE, new StoredAnswer(200, "application/json", BODY));

    IdempotencyScope otherKey = new IdempotencyScope(SCOPE.pubkey(), SCOPE.endpoint(), "key-2");
    IdempotencyScope otherUser = new IdempotencyScope("b0".repeat(32), SCOPE.endpoint(), "key-1");
    assertThrows(IllegalStateException.class, () -> seal.open(otherKey, stored));
    assertThrows(IllegalStateException.class, () -> seal.open(otherUser, stored));
    assertThrows(
        IllegalStateException.class,
        () -> seal.open(SCOPE, new StoredAnswer(409, stored.mediaType(), stored.body())));
    AnswerSeal otherMaster = new AnswerSeal(key((byte) 8), new SecureRandom());
    assertThrows(IllegalStateException.class, () -> otherMaster.open(SCOPE, stored));
  }

  @Test
  void anAlteredSealedBodyDoesNotOpen() {
    StoredAnswer stored = seal.seal(SCOPE, new StoredAnswer(200, "application/json", BODY));
    byte[] bytes = Base64.getDecoder().decode(stored.body().substring("sealed1:".length()));
    bytes[bytes.length / 2] ^= 1;
    StoredAnswer altered =
        new StoredAnswer(
            200, "application/json", "sealed1:" + Base64.getEncoder().encodeToString(bytes));

    assertThrows(IllegalStateException.class, () -> seal.open(SCOPE, altered));
    assertThrows(
        IllegalStateException.class,
        () -> seal.open(SCOPE, new StoredAnswer(200, "application/json", "sealed1:AAAA")));
  }

  @Test
  void anAnswerStoredBeforeSealingIsReplayedAsItIs() {
    StoredAnswer legacy = new StoredAnswer(200, "application/json", BODY);

    assertSame(legacy, seal.open(SCOPE, legacy));
  }

  @Test
  void theKeyMustHave32Bytes() {
    assertThrows(
        IllegalArgumentException.class, () -> new AnswerSeal(new byte[16], new SecureRandom()));
  }

  private static byte[] key(byte fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, fill);
    return key;
  }
}
