package org.openpleb.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpleb.cashu.crypto.Schnorr;
import org.openpleb.client.CannedServer;
import org.openpleb.client.CannedServer.Answer;
import org.openpleb.client.OpenPlebClient;

/**
 * The login dance against a stand-in server, its proof checked here by the rule the server applies
 * (recomputed in the test, not with the client's own code): BIP-340 by the key over SHA-256 of the
 * challenge's UTF-8 text, and SHA-256 of {@code challenge:nonce} starting with the asked zero bits.
 */
class LoginTest {

  private static final Jsonb JSON = JsonbBuilder.create();
  private static final String LOGIN =
      "{\"sessionId\":\"s-1\",\"token\":\"secret-token-43-chars-long-aaaaaaaaaaaaaaaaa\","
          + "\"expiresAt\":\"2026-12-07T07:00:00Z\"}";

  private final CannedServer server = new CannedServer();

  LoginTest() throws Exception {}

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theLoginSignsTheChallengeAndCarriesTheWorkItAskedFor() throws Exception {
    // difficulty 10, written into the first byte as the server does
    String challenge = "0a" + "5e".repeat(31);
    server
        .on("POST", "/api/sessions/challenge", Answer.json(200, challenge(challenge, 10)))
        .on(
            "POST",
            "/api/sessions",
            new Answer(
                201,
                "application/json",
                LOGIN,
                Map.of("Location", server.base() + "api/sessions/current")));
    UserKey key = UserKey.random();

    LoginResponse session = OpenPlebClient.connect(server.base()).login(key);

    assertEquals("s-1", session.sessionId());
    assertEquals("Bearer secret-token-43-chars-long-aaaaaaaaaaaaaaaaa", session.authorization());
    assertFalse(session.toString().contains("secret-token"), "the token stays out of logs");
    List<CannedServer.Received> requests = server.received();
    assertEquals(2, requests.size());
    assertEquals("/api/sessions/challenge", requests.get(0).path());
    CannedServer.Received login = requests.get(1);
    assertTrue(login.header("Content-Type").startsWith("application/json"), login::toString);
    @SuppressWarnings("unchecked")
    Map<String, Object> body = JSON.fromJson(login.text(), Map.class);
    assertEquals(key.pubkey(), body.get("pubkey"));
    assertEquals(challenge, body.get("challenge"));
    HexFormat hex = HexFormat.of();
    byte[] message =
        MessageDigest.getInstance("SHA-256").digest(challenge.getBytes(StandardCharsets.UTF_8));
    assertTrue(
        Schnorr.verify(
            hex.parseHex((String) body.get("pubkey")),
            message,
            hex.parseHex((String) body.get("signature"))),
        "BIP-340 over SHA-256 of the challenge text");
    String nonce = (String) body.get("powNonce");
    assertTrue(nonce.matches("[0-9A-Za-z_-]{1,64}"), nonce);
    byte[] work =
        MessageDigest.getInstance("SHA-256")
            .digest((challenge + ":" + nonce).getBytes(StandardCharsets.UTF_8));
    assertTrue(new BigInteger(1, work).bitLength() <= 256 - 10, "ten leading zero bits");
  }

  @Test
  void aChallengeWithoutWorkIsSignedAndSentWithoutANonce() {
    String challenge = "00" + "a1".repeat(31);
    server
        .on("POST", "/api/sessions/challenge", Answer.json(200, challenge(challenge, 0)))
        .on("POST", "/api/sessions", Answer.json(201, LOGIN));

    OpenPlebClient.connect(server.base()).login(UserKey.random());

    String body = server.last().text();
    assertFalse(body.contains("powNonce"), body);
    assertTrue(body.contains("\"signature\":\""), body);
  }

  @Test
  void theProofOfWorkCountsLeadingZeroBitsLikeTheServer() {
    String challenge = "08" + "00".repeat(31);
    String nonce = ProofOfWork.solve(challenge, 8);

    assertTrue(ProofOfWork.leadingZeroBits(challenge, nonce) >= 8);
    assertEquals(8, ProofOfWork.difficultyOf(challenge));
    assertEquals(32, ProofOfWork.difficultyOf("20" + "00".repeat(31)));
  }

  private static String challenge(String text, int difficulty) {
    return "{\"challenge\":\""
        + text
        + "\",\"expiresAt\":\"2026-12-07T06:05:00Z\",\"pow\":{\"algorithm\":"
        + "\"sha256-leading-zero-bits\",\"difficulty\":"
        + difficulty
        + "}}";
  }
}
