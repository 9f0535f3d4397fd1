package org.openpleb.ee.web.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.ee.web.offer.TradeClient.JSON;
import static org.openpleb.ee.web.offer.TradeClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpleb.ee.idempotency.Idempotency;
import org.openpleb.ee.web.custody.ReconciledAtEnd;
import org.openpleb.ee.web.offer.TradeClient.Session;
import org.openpleb.ee.web.wallet.AnswerStoreProbe;

/**
 * #14 finding 1 for trades: a funding or a claim that committed while its server died before the
 * answer was stored must answer its retry as the first would have, not 409 for ever: a taker told
 * "client error" posts no receipt and forfeits the bond. The crash window is reproduced through the
 * answer-store probe (the finished request's row made IN_PROGRESS, answerless, claimed by a boot
 * that no longer runs).
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ReconciledAtEnd.class)
class OrphanedTradeRequestsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    Path data = TradeClient.dataDir();
    String mintUrl = TradeMint.start(data);
    return TradeClient.deployment(
        mintUrl,
        data,
        "OFFER_QUOTE_POLL_INTERVAL=200\nOFFER_SWEEP_INTERVAL=1000\n",
        AnswerStoreProbe.class);
  }

  @ArquillianResource URL base;

  @Test
  void aCommittedFundingAndClaimAnswerTheirRetriesAsTheFirstDid() throws Exception {
    TradeClient api = new TradeClient(base);
    Session maker = api.login();
    Session taker = api.login();
    api.deposit(taker, 20_000, new Books());
    JsonNode offer = api.createOffer(maker, 100_000);
    String id = offer.path("id").asText();
    String funding =
        JSON.createObjectNode()
            .put("source", "TOKEN")
            .put("token", TradeMint.get().token(offer.path("funding").asLong()))
            .toString();
    String fundKey = UUID.randomUUID().toString();
    HttpResponse<String> funded =
        api.post("api/offers/" + id + "/funding", maker.token(), funding, fundKey);
    assertEquals(200, funded.statusCode(), funded::body);

    orphan(api, maker, "offers.funding", fundKey);
    HttpResponse<String> fundAgain =
        api.post("api/offers/" + id + "/funding", maker.token(), funding, fundKey);

    assertEquals(200, fundAgain.statusCode(), fundAgain::body);
    assertEquals("true", fundAgain.headers().firstValue("Idempotent-Replayed").orElse(""));
    assertEquals("INVOICE_PAID", json(fundAgain).path("status").asText(), fundAgain::body);
    assertEquals("MAKER", json(fundAgain).path("role").asText());

    String claimKey = UUID.randomUUID().toString();
    HttpResponse<String> claimed =
        api.post("api/offers/" + id + "/claim", taker.token(), "{}", claimKey);
    assertEquals(200, claimed.statusCode(), claimed::body);
    long spendable = api.wallet(taker).path("spendable").asLong();

    orphan(api, taker, "offers.claim", claimKey);
    HttpResponse<String> claimAgain =
        api.post("api/offers/" + id + "/claim", taker.token(), "{}", claimKey);

    assertEquals(200, claimAgain.statusCode(), claimAgain::body);
    assertEquals("true", claimAgain.headers().firstValue("Idempotent-Replayed").orElse(""));
    JsonNode taken = json(claimAgain);
    assertEquals("CLAIMED", taken.path("status").asText(), claimAgain::body);
    assertEquals("TAKER", taken.path("role").asText());
    assertEquals(json(claimed).path("qrCode").asText(), taken.path("qrCode").asText());
    assertEquals(spendable, api.wallet(taker).path("spendable").asLong(), "one bond only");
  }

  @Test
  void aClaimOrphanedBeforeItCommittedRunsAfreshOnItsRetry() throws Exception {
    TradeClient api = new TradeClient(base);
    Session maker = api.login();
    Session taker = api.login();
    api.deposit(taker, 20_000, new Books());
    String id = api.fundedOffer(maker, 100_000, new Books());
    String claimKey = UUID.randomUUID().toString();
    // the fingerprint the server computes for a claim from the balance: its fields sorted
    String fingerprint =
        Idempotency.fingerprint("offers.claim\n{\"bondToken\":\"\",\"offer\":\"" + id + "\"}");
    HttpResponse<String> inserted =
        api.post(
            "api/test-support/answer-store/orphan-unstarted?pubkey="
                + taker.pubkey()
                + "&endpoint=offers.claim&key="
                + claimKey
                + "&fingerprint="
                + fingerprint,
            null,
            "");
    assertEquals(200, inserted.statusCode(), inserted::body);

    HttpResponse<String> claimed =
        api.post("api/offers/" + id + "/claim", taker.token(), "{}", claimKey);

    assertEquals(200, claimed.statusCode(), claimed::body);
    assertTrue(claimed.headers().firstValue("Idempotent-Replayed").isEmpty(), "it ran afresh");
    assertEquals("CLAIMED", json(claimed).path("status").asText(), claimed::body);
  }

  private void orphan(TradeClient api, Session session, String endpoint, String key)
      throws Exception {
    HttpResponse<String> orphaned =
        api.post(
            "api/test-support/answer-store/orphan?pubkey="
                + session.pubkey()
                + "&endpoint="
                + endpoint
                + "&key="
                + URLEncoder.encode(key, StandardCharsets.UTF_8),
            null,
            "");
    assertEquals(200, orphaned.statusCode(), orphaned::body);
    assertEquals(1, json(orphaned).path("orphaned").asInt(), orphaned::body);
  }
}
