package org.openpleb.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.openpleb.cashu.crypto.Schnorr;

class UserKeyTest {

  @Test
  void signsTheSha256OfTheChallengeTextAsTheServerVerifiesIt() {
    UserKey key = UserKey.random();
    String challenge = "e7bbe54898831f347dbf65e44222a48fe9de827fcd8cb355daa01ae860b063db";
    String signature = key.signChallenge(challenge);
    HexFormat hex = HexFormat.of();
    assertEquals(64, key.pubkey().length());
    assertEquals(128, signature.length());
    byte[] pub = hex.parseHex(key.pubkey());
    assertTrue(Schnorr.verify(pub, UserKey.sha256(challenge), hex.parseHex(signature)));
    // the text is hashed as is, not hex-decoded first
    assertFalse(Schnorr.verify(pub, hex.parseHex(challenge), hex.parseHex(signature)));
  }

  @Test
  void everyUserIsANewKeyAndOnlyThePublicHalfIsShown() {
    UserKey a = UserKey.random();
    UserKey b = UserKey.random();
    assertNotEquals(a.pubkey(), b.pubkey());
    assertEquals("UserKey[" + a.pubkey() + "]", a.toString());
  }

  @Test
  void adminHashHasTheServersEncoding() {
    String hash = AdminCredentials.hash("benchmark password");
    String[] parts = hash.split(":");
    assertEquals(4, parts.length);
    assertEquals("PBKDF2WithHmacSHA512", parts[0]);
    assertEquals(210_000, Integer.parseInt(parts[1]));
    assertEquals(32, java.util.Base64.getDecoder().decode(parts[2]).length);
    assertEquals(32, java.util.Base64.getDecoder().decode(parts[3]).length);
    assertNotEquals(hash, AdminCredentials.hash("benchmark password")); // fresh salt
  }
}
