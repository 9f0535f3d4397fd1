package org.openpleb.ee.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ProofOfWorkTest {

  private static final OffsetDateTime NOW =
      OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  @Test
  void theChallengeCarriesItsDifficultyInItsFirstByte() {
    LoginChallenge challenge = LoginChallenge.issue(NOW, Duration.ofMinutes(2), 20);
    assertTrue(challenge.challenge().startsWith("14"), challenge.challenge());
    assertEquals(64, challenge.challenge().length());
    assertEquals(20, challenge.powBits());
    assertEquals(0, LoginChallenge.issue(NOW, Duration.ofMinutes(2)).powBits());
    assertThrows(
        IllegalArgumentException.class, () -> LoginChallenge.issue(NOW, Duration.ofMinutes(2), 33));
  }

  @Test
  void leadingZeroBitsCountsTheHashOfChallengeColonNonce() throws Exception {
    String challenge = "10" + "ab".repeat(31);
    String nonce = ProofOfWork.solve(challenge, 12);
    byte[] hash =
        MessageDigest.getInstance("SHA-256")
            .digest((challenge + ":" + nonce).getBytes(StandardCharsets.UTF_8));
    String bits = new java.math.BigInteger(1, hash).toString(2);
    int expected = 256 - bits.length();
    assertEquals(expected, ProofOfWork.leadingZeroBits(challenge, nonce));
    assertTrue(expected >= 12, HexFormat.of().formatHex(hash));
  }

  @Test
  void theDocumentedExampleHolds() {
    // the README's example, computed independently with Node's crypto module
    String challenge = "10" + "ab".repeat(31);
    assertEquals(17, ProofOfWork.leadingZeroBits(challenge, "35564"));
    assertEquals("35564", ProofOfWork.solve(challenge, 16));
  }

  @Test
  void theFirstNonceThatSolvesIsTheFirstWithEnoughZeros() {
    String challenge = "08" + "cd".repeat(31);
    String nonce = ProofOfWork.solve(challenge, 8);
    for (long n = 0; n < Long.parseLong(nonce); n++) {
      assertTrue(ProofOfWork.leadingZeroBits(challenge, Long.toString(n)) < 8);
    }
  }

  @Test
  void nonceShapeIsChecked() {
    assertTrue(ProofOfWork.isWellFormedNonce("0"));
    assertTrue(ProofOfWork.isWellFormedNonce("aZ-_9".repeat(12)));
    assertFalse(ProofOfWork.isWellFormedNonce(""));
    assertFalse(ProofOfWork.isWellFormedNonce("a".repeat(65)));
    assertFalse(ProofOfWork.isWellFormedNonce("1 2"));
    assertFalse(ProofOfWork.isWellFormedNonce("é"));
    assertFalse(ProofOfWork.isWellFormedNonce(null));
  }

  @Test
  void theChallengeWindowBoundsIssuesPerLifetime() {
    ChallengeWindow window = new ChallengeWindow(Duration.ofSeconds(10), 3);
    assertTrue(window.tryIssue(100).isEmpty());
    assertTrue(window.tryIssue(101).isEmpty());
    assertTrue(window.tryIssue(105).isEmpty());
    assertEquals(Duration.ofSeconds(5), window.tryIssue(106).orElseThrow());
    assertEquals(Duration.ofSeconds(1), window.tryIssue(110).orElseThrow());
    assertTrue(window.tryIssue(111).isEmpty(), "the issue of second 100 left the window");
    assertTrue(window.tryIssue(112).isEmpty(), "and the one of second 101");
    assertTrue(window.tryIssue(113).isPresent());
    assertTrue(window.tryIssue(200).isEmpty(), "everything left the window");
  }
}
