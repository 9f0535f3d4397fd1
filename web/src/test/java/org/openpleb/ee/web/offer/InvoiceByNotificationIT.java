package org.openpleb.ee.web.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openpleb.ee.web.offer.TradeClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpleb.ee.web.custody.ReconciledAtEnd;
import org.openpleb.ee.web.offer.TradeClient.Session;

/**
 * Instant payment detection by NUT-17: with the watchers' timers an hour apart and nobody reading
 * as the maker or the depositor (anonymous reads and balance reads ask the mint nothing), a paid
 * invoice is found only because the server subscribed to it at the dev mint and the mint said it is
 * paid. After the mint drops every socket, the server reopens its socket, subscribes again and the
 * next payment is found the same way.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ReconciledAtEnd.class)
class InvoiceByNotificationIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Deployment(testable = false)
  static WebArchive deployment() {
    Path data = TradeClient.dataDir();
    String mintUrl = TradeMint.start(data, 0, true);
    // no timer finds a payment while a test runs: only a notification can
    return TradeClient.deployment(
        mintUrl,
        data,
        "OFFER_QUOTE_POLL_INTERVAL=3600000\nWALLET_DEPOSIT_POLL_INTERVAL=3600000\n"
            + "WALLET_QUOTE_SWEEP_INTERVAL=3600000\nMINT_SUBSCRIPTION_BACKOFF_MAX=1000\n");
  }

  @ArquillianResource URL base;

  @Test
  void aPaidFundingInvoiceIsFoundByTheMintsNotificationAlone() throws Exception {
    TradeClient api = new TradeClient(base);
    String id = fundedByNotification(api, api.login());
    assertEquals("OPEN", live(api).path("mintSubscriptions").asText(), id);
  }

  @Test
  void aPaidDepositIsCreditedByTheMintsNotificationAlone() throws Exception {
    TradeClient api = new TradeClient(base);
    Session user = api.login();
    HttpResponse<String> asked =
        api.post("api/wallet/deposits/lightning", user.token(), "{\"amount\":4321}");
    assertEquals(201, asked.statusCode(), asked::body);
    String depositId = json(asked).path("depositId").asText();

    TradeMint.get()
        .pay(api.support("GET", "deposit-quote?deposit=" + depositId).path("quoteId").asText());

    // the balance is read from the snapshot: it asks the mint nothing
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (api.wallet(user).path("spendable").asLong() != 4321) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the deposit was not credited by a notification");
      }
      Thread.sleep(100);
    }
  }

  @Test
  void afterTheMintDroppedItsSocketsTheServerSubscribesAgain() throws Exception {
    TradeClient api = new TradeClient(base);
    Session maker = api.login();
    // a first offer opens the server's socket
    fundedByNotification(api, maker);

    TradeMint.get().mint().control().dropSockets();

    fundedByNotification(api, maker);
  }

  /**
   * Creates an offer, pays its invoice at the mint and waits for anonymous reads to see it paid.
   */
  private String fundedByNotification(TradeClient api, Session maker) throws Exception {
    String id = api.createOffer(maker, 10_000).path("id").asText();
    HttpResponse<String> invoice = api.post("api/offers/" + id + "/invoice", maker.token(), null);
    assertEquals(200, invoice.statusCode(), invoice::body);
    assertEquals("INVOICE_CREATED", json(invoice).path("status").asText());

    TradeMint.get().pay(api.support("GET", "quote?offer=" + id).path("quoteId").asText());

    long deadline = System.nanoTime() + WAIT.toNanos();
    String status;
    while (!(status = status(api.get("api/offers/" + id, null))).equals("INVOICE_PAID")) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("offer " + id + " still " + status + ": no notification");
      }
      Thread.sleep(100);
    }
    return id;
  }

  static JsonNode live(TradeClient api) throws Exception {
    HttpResponse<String> live = api.get("health/live", null);
    assertEquals(200, live.statusCode(), live::body);
    JsonNode checks = json(live).path("checks");
    for (JsonNode check : checks) {
      if ("openpleb-live".equals(check.path("name").asText())) {
        return check.path("data");
      }
    }
    throw new AssertionError("no openpleb-live check: " + live.body());
  }

  private static String status(HttpResponse<String> response) throws Exception {
    assertEquals(200, response.statusCode(), response::body);
    return json(response).path("status").asText();
  }
}
