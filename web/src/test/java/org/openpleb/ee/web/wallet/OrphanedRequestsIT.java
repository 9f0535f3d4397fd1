package org.openpleb.ee.web.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.ee.web.wallet.WalletApiClient.assertProblem;
import static org.openpleb.ee.web.wallet.WalletApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpleb.ee.idempotency.Idempotency;
import org.openpleb.ee.web.custody.ReconciledAtEnd;
import org.openpleb.ee.web.wallet.WalletApiClient.Session;

/**
 * #14 finding 1 over HTTP: a server killed between a withdrawal's wallet send and the storing of
 * its answer left the Idempotency-Key IN_PROGRESS for ever (409 to every retry) and the token out
 * of its owner's reach. The crash window is reproduced without killing the JVM: the test-support
 * probe turns the finished request's row back into what the kill leaves (IN_PROGRESS, no answer,
 * claimed by a boot that no longer runs). The retry with the same key then gets the same token (or
 * the payment as it stands), moving nothing twice; a key orphaned before anything happened runs
 * afresh. And every withdrawn token is listed to its owner until claimed, and can be reclaimed.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ReconciledAtEnd.class)
class OrphanedRequestsIT {

  private static final String TOKEN_ENDPOINT = "wallet.withdrawals.token";
  private static final String LIGHTNING_ENDPOINT = "wallet.withdrawals.lightning";

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
            + "\nWALLET_INFLIGHT_SWEEP_INTERVAL=1000\n",
        OrphanedRequestsIT.class,
        AnswerStoreProbe.class,
        WalletApiClient.class,
        WalletApiClient.User.class,
        WalletApiClient.Session.class);
  }

  @ArquillianResource URL base;

  @Test
  @RunAsClient
  void aTokenWithdrawalWhoseAnswerWasLostIsAnsweredAgainWithTheSameToken() throws Exception {
    WalletApiClient api = new WalletApiClient(base);
    Session alice = api.login();
    api.fund(alice, 3000);
    String key = UUID.randomUUID().toString();
    String request = "{\"amount\":1000,\"lockToSessionKey\":true}";
    HttpResponse<String> first = api.post("api/wallet/withdrawals/token", alice, request, key);
    assertEquals(200, first.statusCode(), first::body);
    String token = json(first).path("token").asText();

    orphan(api, alice, TOKEN_ENDPOINT, key);
    HttpResponse<String> retry = api.post("api/wallet/withdrawals/token", alice, request, key);

    assertEquals(200, retry.statusCode(), retry::body);
    assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(""));
    JsonNode rebuilt = json(retry);
    assertEquals(token, rebuilt.path("token").asText(), "the same token, not a second one");
    assertEquals(1000, rebuilt.path("amount").asLong());
    assertEquals("02" + alice.user().pubkey(), rebuilt.path("lockedTo").asText());
    JsonNode wallet = api.wallet(alice);
    assertEquals(2000, wallet.path("spendable").asLong(), wallet::toString);
    assertEquals(1000, wallet.path("inflight").asLong(), wallet::toString);
    // the rebuilt answer is stored: the next retry replays it byte for byte
    HttpResponse<String> again = api.post("api/wallet/withdrawals/token", alice, request, key);
    assertEquals(200, again.statusCode(), again::body);
    assertEquals(retry.body(), again.body());
  }

  @Test
  @RunAsClient
  void aKeyOrphanedBeforeAnythingHappenedRunsAfresh() throws Exception {
    WalletApiClient api = new WalletApiClient(base);
    Session bob = api.login();
    api.fund(bob, 2000);
    String key = UUID.randomUUID().toString();
    String request = "{\"amount\":500}";
    String fingerprint = Idempotency.fingerprint(TOKEN_ENDPOINT + "\n" + request);
    HttpResponse<String> inserted =
        probe(
            api,
            "api/test-support/answer-store/orphan-unstarted"
                + query(bob.user().pubkey(), TOKEN_ENDPOINT, key)
                + "&fingerprint="
                + fingerprint);
    assertEquals(200, inserted.statusCode(), inserted::body);

    HttpResponse<String> retry = api.post("api/wallet/withdrawals/token", bob, request, key);

    assertEquals(200, retry.statusCode(), retry::body);
    assertTrue(retry.headers().firstValue("Idempotent-Replayed").isEmpty(), "it ran afresh");
    assertEquals(500, json(retry).path("amount").asLong());
    assertEquals(1500, api.wallet(bob).path("spendable").asLong());
  }

  @Test
  @RunAsClient
  void aLightningWithdrawalWhoseAnswerWasLostIsAnsweredWithItsPayment() throws Exception {
    WalletApiClient api = new WalletApiClient(base);
    Session carol = api.login();
    api.fund(carol, 3000);
    String key = UUID.randomUUID().toString();
    String request = "{\"invoice\":\"" + ItMint.invoice(1200) + "\"}";
    HttpResponse<String> first = api.post("api/wallet/withdrawals/lightning", carol, request, key);
    assertEquals(200, first.statusCode(), first::body);
    assertEquals("PAID", json(first).path("status").asText(), first::body);
    long spendable = api.wallet(carol).path("spendable").asLong();

    orphan(api, carol, LIGHTNING_ENDPOINT, key);
    HttpResponse<String> retry = api.post("api/wallet/withdrawals/lightning", carol, request, key);

    assertEquals(200, retry.statusCode(), retry::body);
    assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(""));
    JsonNode rebuilt = json(retry);
    assertEquals("PAID", rebuilt.path("status").asText(), retry::body);
    assertEquals(1200, rebuilt.path("amount").asLong());
    assertEquals(json(first).path("fee").asLong(), rebuilt.path("fee").asLong(), retry::body);
    assertEquals(json(first).path("preimage").asText(), rebuilt.path("preimage").asText());
    assertEquals(spendable, api.wallet(carol).path("spendable").asLong(), "paid once");
  }

  @Test
  @RunAsClient
  void anUnclaimedTokenIsListedToItsOwnerAndCanBeReclaimedOnce() throws Exception {
    WalletApiClient api = new WalletApiClient(base);
    Session dave = api.login();
    api.fund(dave, 3000);
    List<String> tokens = new ArrayList<>();
    for (long amount : new long[] {300, 400}) {
      HttpResponse<String> withdrawn =
          api.post("api/wallet/withdrawals/token", dave, "{\"amount\":" + amount + "}");
      assertEquals(200, withdrawn.statusCode(), withdrawn::body);
      tokens.add(json(withdrawn).path("token").asText());
    }

    JsonNode listed = list(api, dave, "");
    assertEquals(2, listed.size(), listed::toString);
    assertEquals(tokens.get(1), listed.get(0).path("token").asText(), "newest first");
    assertEquals(400, listed.get(0).path("amount").asLong());
    assertEquals(tokens.get(0), listed.get(1).path("token").asText());
    assertEquals(1, list(api, dave, "?limit=1").size());
    assertProblem(api.get("api/wallet/tokens?limit=0", dave), 400, "VALIDATION_FAILED");
    assertEquals(0, list(api, api.login(), "").size(), "nobody else sees them");

    String id = listed.get(0).path("id").asText();
    HttpResponse<String> reclaimed = api.post("api/wallet/tokens/" + id + "/reclaim", dave, "");
    assertEquals(200, reclaimed.statusCode(), reclaimed::body);
    JsonNode back = json(reclaimed);
    long fee = back.path("fee").asLong();
    assertEquals(400 - fee, back.path("amount").asLong(), reclaimed::body);
    assertEquals(3000 - 700 + 400 - fee, api.wallet(dave).path("spendable").asLong());
    assertProblem(api.post("api/wallet/tokens/" + id + "/reclaim", dave, ""), 409, "CONFLICT");
    assertProblem(
        api.post("api/wallet/tokens/" + id + "/reclaim", api.login(), ""), 404, "NOT_FOUND");
    JsonNode left = list(api, dave, "");
    assertEquals(1, left.size(), left::toString);
    assertEquals(tokens.get(0), left.get(0).path("token").asText());

    // its holder redeems the other one: the reclaim is refused, and the sweep takes it off the list
    Session erin = api.login();
    HttpResponse<String> redeemed =
        api.post("api/wallet/deposits/token", erin, "{\"token\":\"" + tokens.get(0) + "\"}");
    assertEquals(200, redeemed.statusCode(), redeemed::body);
    String other = left.get(0).path("id").asText();
    assertProblem(
        api.post("api/wallet/tokens/" + other + "/reclaim", dave, ""), 409, "TOKEN_ALREADY_SPENT");
    assertEquals(0, list(api, dave, "").size());
  }

  @Test
  @RunAsClient
  void theSweepTakesARedeemedTokenOffItsOwnersList() throws Exception {
    WalletApiClient api = new WalletApiClient(base);
    Session frank = api.login();
    api.fund(frank, 1000);
    HttpResponse<String> withdrawn =
        api.post("api/wallet/withdrawals/token", frank, "{\"amount\":600}");
    assertEquals(200, withdrawn.statusCode(), withdrawn::body);
    assertEquals(1, list(api, frank, "").size());

    HttpResponse<String> redeemed =
        api.post(
            "api/wallet/deposits/token",
            api.login(),
            "{\"token\":\"" + json(withdrawn).path("token").asText() + "\"}");
    assertEquals(200, redeemed.statusCode(), redeemed::body);

    // no request of frank's: the sweep alone settles it (every WALLET_INFLIGHT_SWEEP_INTERVAL),
    // marking the sent token in the same pass, before the wallet's snapshot shows it settled
    JsonNode settled = api.awaitWallet(frank, w -> w.path("inflight").asLong() == 0);
    assertEquals(400, settled.path("spendable").asLong(), settled::toString);
    assertEquals(0, list(api, frank, "").size());
  }

  private JsonNode list(WalletApiClient api, Session session, String query) throws Exception {
    HttpResponse<String> response = api.get("api/wallet/tokens" + query, session);
    assertEquals(200, response.statusCode(), response::body);
    JsonNode tokens = json(response);
    assertTrue(tokens.isArray(), response::body);
    assertFalse(response.body().contains("operation"), "no wallet internals");
    return tokens;
  }

  private void orphan(WalletApiClient api, Session session, String endpoint, String key)
      throws Exception {
    HttpResponse<String> orphaned =
        probe(
            api,
            "api/test-support/answer-store/orphan" + query(session.user().pubkey(), endpoint, key));
    assertEquals(200, orphaned.statusCode(), orphaned::body);
    assertEquals(1, json(orphaned).path("orphaned").asInt(), orphaned::body);
  }

  private HttpResponse<String> probe(WalletApiClient api, String path) throws Exception {
    URI uri = base.toURI().resolve(path);
    return api.send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(""))
            .build());
  }

  private static String query(String pubkey, String endpoint, String key) {
    return "?pubkey="
        + pubkey
        + "&endpoint="
        + endpoint
        + "&key="
        + URLEncoder.encode(key, StandardCharsets.UTF_8);
  }
}
