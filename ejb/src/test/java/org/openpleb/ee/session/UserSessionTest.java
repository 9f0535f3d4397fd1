package org.openpleb.ee.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserSessionTest {

  private static final String PUBKEY = "a".repeat(64);
  private static final String TOKEN_HASH = "0123456789abcdef".repeat(4);
  private static final OffsetDateTime NOON =
      OffsetDateTime.of(2026, 11, 27, 12, 0, 0, 0, ZoneOffset.UTC);

  @Test
  void aSessionLivesUntilItsExpiry() {
    UserSession session = UserSession.open(PUBKEY, TOKEN_HASH, NOON, Duration.ofHours(1));

    assertEquals(NOON.plusHours(1), session.expiresAt());
    assertTrue(session.isLive(NOON.plusMinutes(59)));
    assertFalse(session.isLive(NOON.plusHours(1)));
    assertEquals(SessionState.LIVE, session.state());
  }

  @Test
  void closingEndsItAtOnceAndKeepsTheFirstReason() {
    UserSession session = UserSession.open(PUBKEY, TOKEN_HASH, NOON, Duration.ofHours(1));

    session.close(SessionCloseReason.LOGGED_OUT, NOON.plusMinutes(5));
    session.close(SessionCloseReason.EXPIRED, NOON.plusHours(2));

    assertFalse(session.isLive(NOON.plusMinutes(6)));
    assertEquals(Optional.of(SessionCloseReason.LOGGED_OUT), session.closeReason());
    assertEquals(Optional.of(NOON.plusMinutes(5)), session.closedAt());
  }

  @Test
  void theTokenHashStaysOutOfLogs() {
    UserSession session = UserSession.open(PUBKEY, TOKEN_HASH, NOON, Duration.ofHours(1));

    assertFalse(session.toString().contains(TOKEN_HASH));
  }

  @Test
  void everySessionGetsItsOwnWalletIdAtLogin() {
    UserSession first = UserSession.open(PUBKEY, TOKEN_HASH, NOON, Duration.ofHours(1));
    UserSession second = UserSession.open(PUBKEY, TOKEN_HASH, NOON, Duration.ofHours(1));

    assertTrue(first.walletId().matches("[0-9a-f-]{36}"), first.walletId());
    assertFalse(first.walletId().equals(second.walletId()));
    assertFalse(first.walletId().equals(first.id()));
  }

  @Test
  void malformedKeysAndLifetimesAreRefused() {
    Duration hour = Duration.ofHours(1);
    assertThrows(
        IllegalArgumentException.class, () -> UserSession.open("ABC", TOKEN_HASH, NOON, hour));
    assertThrows(IllegalArgumentException.class, () -> UserSession.open(PUBKEY, "xyz", NOON, hour));
    assertThrows(
        IllegalArgumentException.class,
        () -> UserSession.open(PUBKEY, TOKEN_HASH, NOON, Duration.ZERO));
  }
}
