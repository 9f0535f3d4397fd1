package org.openpleb.ee.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

class IdempotencyScopeTest {

  private static final String PUBKEY = "ab".repeat(32);

  @ParameterizedTest
  @ValueSource(strings = {"k", "0f8e3c1a-1b2c-4d5e-8f90-0123456789ab", "order 42 / retry"})
  void visibleAsciiKeysAreAccepted(String key) {
    assertEquals(key, new IdempotencyScope(PUBKEY, "wallet.withdrawals.token", key).key());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "tab\there", "ключ", "line\nbreak"})
  void blankOrNonAsciiKeysAreTheClientsError(String key) {
    DomainException refused =
        assertThrows(
            DomainException.class,
            () -> new IdempotencyScope(PUBKEY, "wallet.withdrawals.token", key));

    assertEquals(ProblemCode.VALIDATION_FAILED, refused.code());
  }

  @Test
  void aKeyLongerThan255CharactersIsRefused() {
    String longest = "k".repeat(IdempotencyScope.MAX_KEY_LENGTH);

    assertEquals(longest, new IdempotencyScope(PUBKEY, "e", longest).key());
    assertThrows(DomainException.class, () -> new IdempotencyScope(PUBKEY, "e", longest + "k"));
  }

  @Test
  void theFingerprintIsTheSha256OfTheRequestText() {
    // SHA-256("abc"), FIPS 180-2 example
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Idempotency.fingerprint("abc"));
    assertNotEquals(
        Idempotency.fingerprint("wallet.withdrawals.token\n{\"amount\":1000}"),
        Idempotency.fingerprint("wallet.withdrawals.token\n{\"amount\":999}"));
  }
}
