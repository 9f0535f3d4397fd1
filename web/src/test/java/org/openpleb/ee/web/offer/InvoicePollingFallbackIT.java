package org.openpleb.ee.web.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openpleb.ee.web.offer.TradeClient.json;

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
 * Polling stays the fallback: against a mint that offers no NUT-17 (not advertised, no {@code
 * /v1/ws}), the server opens no socket, says so on {@code /health/live}, and its timers alone find
 * the paid invoice, with nobody reading as the maker.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ReconciledAtEnd.class)
class InvoicePollingFallbackIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Deployment(testable = false)
  static WebArchive deployment() {
    Path data = TradeClient.dataDir();
    String mintUrl = TradeMint.start(data, 0, false);
    return TradeClient.deployment(
        mintUrl, data, "OFFER_QUOTE_POLL_INTERVAL=1000\nWALLET_DEPOSIT_POLL_INTERVAL=1000\n");
  }

  @ArquillianResource URL base;

  @Test
  void withoutNut17AtTheMintTheTimerFindsThePaidInvoice() throws Exception {
    TradeClient api = new TradeClient(base);
    Session maker = api.login();
    String id = api.createOffer(maker, 10_000).path("id").asText();
    HttpResponse<String> invoice = api.post("api/offers/" + id + "/invoice", maker.token(), null);
    assertEquals(200, invoice.statusCode(), invoice::body);

    TradeMint.get().pay(api.support("GET", "quote?offer=" + id).path("quoteId").asText());

    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!status(api.get("api/offers/" + id, null)).equals("INVOICE_PAID")) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("offer " + id + " was not found paid by polling");
      }
      Thread.sleep(100);
    }
    assertEquals(
        "NOT_OFFERED",
        InvoiceByNotificationIT.live(api).path("mintSubscriptions").asText(),
        "the server read the mint's info and opened no socket");
    assertEquals(0, TradeMint.get().mint().openSockets());
  }

  private static String status(HttpResponse<String> response) throws Exception {
    assertEquals(200, response.statusCode(), response::body);
    return json(response).path("status").asText();
  }
}
