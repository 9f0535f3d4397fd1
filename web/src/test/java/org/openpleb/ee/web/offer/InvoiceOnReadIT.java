package org.openpleb.ee.web.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openpleb.ee.web.offer.TradeClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpleb.ee.web.custody.ReconciledAtEnd;
import org.openpleb.ee.web.offer.TradeClient.Session;

/**
 * Instant payment detection: with the watchers' timers an hour apart, a paid invoice shows on the
 * very next read by the one waiting for it — the maker reading its offer, the user reading its
 * deposit — because that read asks the mint at once. Anyone else's read asks nothing.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ReconciledAtEnd.class)
class InvoiceOnReadIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    Path data = TradeClient.dataDir();
    // a mint without NUT-17, so no notification finds the payment either (InvoiceByNotificationIT)
    String mintUrl = TradeMint.start(data, 0, false);
    // no timer finds a payment while a test runs: only a read can
    return TradeClient.deployment(
        mintUrl,
        data,
        "OFFER_QUOTE_POLL_INTERVAL=3600000\nWALLET_DEPOSIT_POLL_INTERVAL=3600000\n"
            + "WALLET_QUOTE_SWEEP_INTERVAL=3600000\n");
  }

  @ArquillianResource URL base;

  @Test
  void theMakersReadShowsItsPaidInvoiceAtOnceAndNobodyElsesReadLooks() throws Exception {
    TradeClient api = new TradeClient(base);
    Session maker = api.login();
    Session stranger = api.login();
    String id = api.createOffer(maker, 10_000).path("id").asText();
    HttpResponse<String> invoice = api.post("api/offers/" + id + "/invoice", maker.token(), null);
    assertEquals(200, invoice.statusCode(), invoice::body);
    assertEquals("INVOICE_CREATED", json(invoice).path("status").asText());

    TradeMint.get().pay(api.support("GET", "quote?offer=" + id).path("quoteId").asText());

    // an anonymous reader and another user look at nothing: the server does not know yet
    assertEquals("INVOICE_CREATED", status(api.get("api/offers/" + id, null)));
    assertEquals("INVOICE_CREATED", status(api.get("api/offers/" + id, stranger.token())));
    // the maker's own read asks the mint and answers with the paid, minted escrow
    assertEquals("INVOICE_PAID", status(api.get("api/offers/" + id, maker.token())));
    assertEquals("INVOICE_PAID", status(api.get("api/offers/" + id, null)));
  }

  @Test
  void theOwnersReadOfALightningDepositCreditsItAtOnce() throws Exception {
    TradeClient api = new TradeClient(base);
    Session user = api.login();
    HttpResponse<String> asked =
        api.post("api/wallet/deposits/lightning", user.token(), "{\"amount\":4321}");
    assertEquals(201, asked.statusCode(), asked::body);
    String depositId = json(asked).path("depositId").asText();
    assertEquals("PENDING", json(asked).path("state").asText(), asked::body);

    TradeMint.get()
        .pay(api.support("GET", "deposit-quote?deposit=" + depositId).path("quoteId").asText());

    JsonNode read = json(api.get("api/wallet/deposits/" + depositId, user.token()));
    assertEquals("CREDITED", read.path("state").asText(), read::toString);
    assertEquals(4321, api.wallet(user).path("spendable").asLong());
  }

  private static String status(HttpResponse<String> response) throws Exception {
    assertEquals(200, response.statusCode(), response::body);
    return json(response).path("status").asText();
  }
}
