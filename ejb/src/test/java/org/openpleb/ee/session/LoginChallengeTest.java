package org.openpleb.ee.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginChallengeTest {

  private static final OffsetDateTime NOON =
      OffsetDateTime.of(2026, 11, 27, 12, 0, 0, 0, ZoneOffset.UTC);

  @Test
  void aChallengeIs32RandomBytesInLowercaseHex() {
    LoginChallenge first = LoginChallenge.issue(NOON, Duration.ofSeconds(120));
    LoginChallenge second = LoginChallenge.issue(NOON, Duration.ofSeconds(120));

    assertTrue(first.challenge().matches("[0-9a-f]{64}"), first.challenge());
    assertNotEquals(first.challenge(), second.challenge());
    assertEquals(NOON.plusSeconds(120), first.expiresAt());
    assertEquals(Optional.empty(), first.usedAt());
  }

  @Test
  void itCanBeUsedUntilJustBeforeItsExpiry() {
    LoginChallenge challenge = LoginChallenge.issue(NOON, Duration.ofSeconds(120));

    assertEquals(Optional.empty(), challenge.refusalAt(NOON.plusSeconds(119)));
    assertEquals(
        Optional.of(LoginRefusal.CHALLENGE_EXPIRED), challenge.refusalAt(NOON.plusSeconds(120)));
  }

  @Test
  void aLifetimeMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> LoginChallenge.issue(NOON, Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class, () -> LoginChallenge.issue(NOON, Duration.ofSeconds(-1)));
  }

  @Test
  void theTextStaysOutOfToString() {
    LoginChallenge challenge = LoginChallenge.issue(NOON, Duration.ofSeconds(120));

    assertFalse(challenge.toString().contains(challenge.challenge()));
  }
}
