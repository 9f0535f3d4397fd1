package org.openpleb.ee.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionTokenTest {

  @Test
  void aTokenIs256RandomBitsInBase64Url() {
    SessionToken token = SessionToken.generate();

    assertEquals(43, token.value().length());
    assertTrue(token.value().matches("[A-Za-z0-9_-]{43}"), token.value());
    assertEquals(32, Base64.getUrlDecoder().decode(token.value()).length);
    assertTrue(SessionToken.isWellFormed(token.value()));
  }

  @Test
  void tokensDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      assertTrue(seen.add(SessionToken.generate().value()));
    }
  }

  @Test
  void theStoredFormIsTheHexSha256OfTheTokensText() {
    // FIPS 180-2 example: SHA-256("abc")
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        SessionToken.hashOf("abc"));
    SessionToken token = SessionToken.generate();
    assertEquals(SessionToken.hashOf(token.value()), token.hash());
    assertNotEquals(token.value(), token.hash());
    assertTrue(token.hash().matches("[0-9a-f]{64}"));
  }

  @Test
  void onlyTheTokenShapeIsWellFormed() {
    assertFalse(SessionToken.isWellFormed(null));
    assertFalse(SessionToken.isWellFormed(""));
    assertFalse(SessionToken.isWellFormed("a".repeat(42)));
    assertFalse(SessionToken.isWellFormed("a".repeat(44)));
    assertFalse(SessionToken.isWellFormed("a".repeat(42) + "="));
    assertFalse(SessionToken.isWellFormed("a".repeat(42) + "+"));
    assertTrue(SessionToken.isWellFormed("-_" + "Z".repeat(41)));
  }

  @Test
  void theValueNeverShowsInToString() {
    SessionToken token = SessionToken.generate();

    assertFalse(token.toString().contains(token.value()));
    assertFalse(token.toString().contains(token.hash()));
  }
}
