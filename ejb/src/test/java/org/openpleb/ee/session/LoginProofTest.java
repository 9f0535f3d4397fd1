package org.openpleb.ee.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openpleb.cashu.crypto.Schnorr;
import org.openpleb.ee.platform.ProblemCode;

class LoginProofTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] SECRET =
      HEX.parseHex("0000000000000000000000000000000000000000000000000000000000000003");
  private static final String PUBKEY = HEX.formatHex(Schnorr.publicKey(SECRET));
  private static final String CHALLENGE =
      "5f3c8a1e2b4d6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8";

  private static String sign(byte[] secret, byte[] message) {
    return HEX.formatHex(Schnorr.sign(secret, message, new byte[32]));
  }

  @Test
  void theSignedMessageIsSha256OfTheChallengeText() throws Exception {
    byte[] expected =
        MessageDigest.getInstance("SHA-256").digest(CHALLENGE.getBytes(StandardCharsets.UTF_8));

    assertArrayEquals(expected, LoginProof.message(CHALLENGE));
  }

  @Test
  void aSignatureByTheKeyOverTheChallengeVerifies() {
    String signature = sign(SECRET, LoginProof.message(CHALLENGE));

    assertTrue(new LoginProof(PUBKEY, CHALLENGE, signature).verifies());
  }

  @Test
  void signingTheDecodedChallengeBytesIsNotTheProtocol() throws Exception {
    byte[] decodedHash = MessageDigest.getInstance("SHA-256").digest(HEX.parseHex(CHALLENGE));

    assertFalse(new LoginProof(PUBKEY, CHALLENGE, sign(SECRET, decodedHash)).verifies());
  }

  @Test
  void aSignatureOverAnotherChallengeDoesNotVerify() {
    String other = "0".repeat(64);

    assertFalse(
        new LoginProof(PUBKEY, CHALLENGE, sign(SECRET, LoginProof.message(other))).verifies());
  }

  @Test
  void aSignatureByAnotherKeyDoesNotVerify() {
    byte[] otherSecret = HEX.parseHex("0".repeat(63) + "5");

    assertFalse(
        new LoginProof(PUBKEY, CHALLENGE, sign(otherSecret, LoginProof.message(CHALLENGE)))
            .verifies());
  }

  @Test
  void aKeyOffTheCurveDoesNotVerify() {
    // x = 5 is not the x coordinate of any secp256k1 point (BIP-340 test vector 5)
    String offCurve = "eefdea4cdb677750a420fee807eacf21eb9898ae79b9768766e4faa04a2d4a34";
    String signature = sign(SECRET, LoginProof.message(CHALLENGE));

    assertFalse(new LoginProof(offCurve, CHALLENGE, signature).verifies());
  }

  @Test
  void hexIsAcceptedInEitherCaseAndKeptInLowercase() {
    String signature = sign(SECRET, LoginProof.message(CHALLENGE));

    LoginProof proof =
        new LoginProof(
            PUBKEY.toUpperCase(Locale.ROOT), CHALLENGE, " " + signature.toUpperCase(Locale.ROOT));

    assertEquals(PUBKEY, proof.pubkey());
    assertEquals(signature, proof.signature());
    assertTrue(proof.verifies());
  }

  @Test
  void anUppercaseChallengeIsTheIssuedLowercaseOne() {
    String signature = sign(SECRET, LoginProof.message(CHALLENGE));

    assertTrue(new LoginProof(PUBKEY, CHALLENGE.toUpperCase(Locale.ROOT), signature).verifies());
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "NULL",
      value = {
        "NULL, pubkey",
        "'', pubkey",
        "abc, pubkey",
        "zz00000000000000000000000000000000000000000000000000000000000000, pubkey",
      })
  void aMalformedKeyIsBadInput(String pubkey, String field) {
    String signature = "0".repeat(128);

    LoginRefusedException refused =
        assertThrows(
            LoginRefusedException.class, () -> new LoginProof(pubkey, CHALLENGE, signature));

    assertEquals(LoginRefusal.BAD_INPUT, refused.refusal());
    assertEquals(ProblemCode.VALIDATION_FAILED, refused.code());
    assertTrue(refused.getMessage().startsWith(field), refused.getMessage());
    assertTrue(refused.retryAfter().isEmpty());
  }

  @Test
  void aMalformedChallengeOrSignatureIsBadInput() {
    String signature = "0".repeat(128);

    LoginRefusedException shortChallenge =
        assertThrows(
            LoginRefusedException.class, () -> new LoginProof(PUBKEY, "ab".repeat(31), signature));
    LoginRefusedException shortSignature =
        assertThrows(
            LoginRefusedException.class, () -> new LoginProof(PUBKEY, CHALLENGE, "0".repeat(126)));
    LoginRefusedException missingSignature =
        assertThrows(LoginRefusedException.class, () -> new LoginProof(PUBKEY, CHALLENGE, null));

    assertTrue(shortChallenge.getMessage().startsWith("challenge"));
    assertTrue(shortSignature.getMessage().startsWith("signature"));
    assertEquals("signature is required", missingSignature.getMessage());
  }
}
