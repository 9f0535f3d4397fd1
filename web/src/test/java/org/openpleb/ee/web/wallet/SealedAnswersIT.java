package org.openpleb.ee.web.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.ee.web.wallet.WalletApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpleb.cashu.model.Proof;
import org.openpleb.cashu.token.TokenCodec;
import org.openpleb.ee.idempotency.Idempotency;
import org.openpleb.ee.web.custody.ReconciledAtEnd;
import org.openpleb.ee.web.wallet.WalletApiClient.Session;

/**
 * Issue #11 finding 5: the answer to a token withdrawal sent with an Idempotency-Key is stored for
 * retries, and must not lie in the database as a bearer token anyone with read access could take.
 * The stored row is read straight from the database: it holds neither the token text nor any proof
 * secret, and a retry still gets the token. A row stored in plain text by an older version still
 * replays, and the cleanup seals it.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ReconciledAtEnd.class)
class SealedAnswersIT {

  private static final String ENDPOINT = "wallet.withdrawals.token";

  @Deployment
  static WebArchive deployment() {
    String mintUrl = ItMint.start();
    Path data = WalletApiClient.dataDir();
    return WalletApiClient.deployment(
        "OPENPLEB_MINT_URL="
            + mintUrl
            + "\nCAPACITY_MEMORY_SOURCE=test\nWALLET_DIR="
            + data.resolve("wallets")
            + "\nOPENPLEB_MASTER_SEED_FILE="
            + data.resolve("master-seed")
            + "\n",
        SealedAnswersIT.class,
        AnswerStoreProbe.class,
        WalletApiClient.class,
        WalletApiClient.User.class,
        WalletApiClient.Session.class);
  }

  @ArquillianResource URL base;

  @Test
  @RunAsClient
  void aWithdrawnTokenIsStoredSealedAndStillReplayed() throws Exception {
    WalletApiClient api = new WalletApiClient(base);
    Session alice = api.login();
    api.fund(alice, 3000);
    String key = UUID.randomUUID().toString();

    HttpResponse<String> first =
        api.post("api/wallet/withdrawals/token", alice, "{\"amount\":1000}", key);
    assertEquals(200, first.statusCode(), first::body);
    String token = json(first).path("token").asText();
    List<Proof> proofs = TokenCodec.decodeUnresolved(token).proofs();
    assertFalse(proofs.isEmpty());

    JsonNode row = row(api, alice.user().pubkey(), key);
    assertEquals("DONE", row.path("state").asText(), row::toString);
    String stored = row.path("body").asText();
    assertFalse(stored.contains("cashuA"), stored);
    assertFalse(stored.contains("cashuB"), stored);
    assertFalse(stored.contains(token.substring(6, 46)), stored);
    for (Proof proof : proofs) {
      assertFalse(stored.contains(proof.secret()), "a proof secret is stored in plain text");
    }

    HttpResponse<String> retry =
        api.post("api/wallet/withdrawals/token", alice, "{\"amount\":1000}", key);
    assertEquals(200, retry.statusCode(), retry::body);
    assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(""));
    assertEquals(first.body(), retry.body());
    assertEquals(2000, api.wallet(alice).path("spendable").asLong());
  }

  @Test
  @RunAsClient
  void anAnswerStoredInPlainTextByAnOlderVersionReplaysAndTheCleanupSealsIt() throws Exception {
    WalletApiClient api = new WalletApiClient(base);
    Session bob = api.login();
    String key = UUID.randomUUID().toString();
    String request = "{\"amount\":500}";
    String legacy = "{\"amount\":500,\"token\":\"cashuBlegacyplaintexttoken\"}";
    // the fingerprint the server computes: endpoint and the bound request as JSON-B writes it
    String fingerprint = Idempotency.fingerprint(ENDPOINT + "\n" + request);
    HttpResponse<String> inserted =
        probe(
            api,
            "api/test-support/answer-store/plain"
                + query(bob.user().pubkey(), key)
                + "&fingerprint="
                + fingerprint,
            legacy);
    assertEquals(200, inserted.statusCode(), inserted::body);

    HttpResponse<String> replay = api.post("api/wallet/withdrawals/token", bob, request, key);
    assertEquals(200, replay.statusCode(), replay::body);
    assertEquals(legacy, replay.body());

    assertEquals(200, probe(api, "api/test-support/answer-store/cleanup", "").statusCode());
    String stored = row(api, bob.user().pubkey(), key).path("body").asText();
    assertTrue(stored.startsWith("sealed1:"), stored);
    assertFalse(stored.contains("cashu"), stored);

    HttpResponse<String> again = api.post("api/wallet/withdrawals/token", bob, request, key);
    assertEquals(200, again.statusCode(), again::body);
    assertEquals(legacy, again.body());
  }

  private JsonNode row(WalletApiClient api, String pubkey, String key) throws Exception {
    HttpResponse<String> response =
        api.send(
            HttpRequest.newBuilder(
                    base.toURI().resolve("api/test-support/answer-store" + query(pubkey, key)))
                .GET()
                .build());
    assertEquals(200, response.statusCode(), response::body);
    return json(response);
  }

  private HttpResponse<String> probe(WalletApiClient api, String path, String body)
      throws Exception {
    URI uri = base.toURI().resolve(path);
    return api.send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static String query(String pubkey, String key) {
    return "?pubkey="
        + pubkey
        + "&endpoint="
        + ENDPOINT
        + "&key="
        + URLEncoder.encode(key, StandardCharsets.UTF_8);
  }
}
