package org.openpleb.ee.web.offer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.ee.web.offer.TradeClient.JSON;
import static org.openpleb.ee.web.offer.TradeClient.assertProblem;
import static org.openpleb.ee.web.offer.TradeClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpleb.ee.web.custody.ReconciledAtEnd;
import org.openpleb.ee.web.offer.TradeClient.Session;

/**
 * Whole trades over HTTP on Payara against PostgreSQL and the dev mint, with OpenPleb's defaults (1
 * % + 100, 2 % + 100, 10 % + 500) at 150,000,000 KRW per bitcoin: the worked example to the sat,
 * Lightning funding without polling, twenty concurrent claims, every dispute outcome and the
 * forfeit with their exact amounts, receipts for the parties only, bad inputs, the order book and
 * the treasury. After every test the conservation check passes.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ReconciledAtEnd.class)
class TradeFlowIT {

  /** The worked example: 100,000 KRW. */
  private static final long EXAMPLE_FIAT = 100_000;

  private static final long F = 76_035;
  private static final long B = 7_167;

  private static final Books BOOKS = new Books();

  /** The in-flight sweep's period in this deployment. */
  private static final Duration INFLIGHT_SWEEP = Duration.ofSeconds(1);

  @Deployment(testable = false)
  static WebArchive deployment() {
    Path data = TradeClient.dataDir();
    String mintUrl = TradeMint.start(data);
    return TradeClient.deployment(
        mintUrl,
        data,
        "OFFER_QUOTE_POLL_INTERVAL=200\nOFFER_SWEEP_INTERVAL=1000\nOFFER_OPEN_LIMIT=3\n"
            + "OFFER_CLAIM_LIMIT=1\n"
            // book pages kept for ten minutes: only a dropped page shows a change in time
            + "OFFER_BOOK_CACHE_TTL=600000\n"
            + "WALLET_INFLIGHT_SWEEP_INTERVAL="
            + INFLIGHT_SWEEP.toMillis()
            + "\n");
  }

  @ArquillianResource URL base;

  private TradeClient api() {
    return new TradeClient(base);
  }

  @AfterEach
  void sumsStillAddUp() throws Exception {
    BOOKS.check(api());
  }

  @Test
  void theWorkedExampleSettlesToTheSat() throws Exception {
    TradeClient api = api();
    String admin = api.adminLogin();
    long treasuryBefore = treasury(api, admin);
    Session maker = api.login();
    Session taker = api.login();

    HttpResponse<String> creation = api.postOffer(maker, EXAMPLE_FIAT);
    assertEquals(201, creation.statusCode(), creation::body);
    JsonNode created = json(creation);
    String id = created.path("id").asText();
    assertEquals(
        base.toURI().resolve("api/offers/" + id).toString(),
        creation.headers().firstValue("Location").orElse(""),
        "201 names the new offer's URL");
    // one flat representation: the state at .status, the caller's role beside it
    assertEquals("CREATED", created.path("status").asText(), created::toString);
    assertEquals("MAKER", created.path("role").asText(), created::toString);
    assertFalse(created.has("offer"), created::toString);
    assertEquals(66_667, created.path("sats").asLong());
    assertEquals(1_434, created.path("takerFee").asLong());
    assertEquals(B, created.path("bond").asLong());
    assertEquals(767, created.path("platformFee").asLong());
    assertEquals(F, created.path("funding").asLong());
    assertTrue(created.path("btcPrice").isNumber(), created::toString);
    assertEquals(0, new BigDecimal("150000000").compareTo(created.path("btcPrice").decimalValue()));
    fundWithToken(api, maker, id, F);
    api.deposit(taker, B, BOOKS);

    JsonNode claimed = api.claim(taker, id);
    assertEquals("CLAIMED", claimed.path("status").asText());
    assertEquals("TAKER", claimed.path("role").asText());
    assertTrue(claimed.path("qrCode").asText().startsWith("bank-qr-"), claimed::toString);
    assertEquals(B, api.wallet(taker).path("reserved").asLong());
    HttpResponse<String> receipt = api.postReceipt(taker, id);
    assertEquals(201, receipt.statusCode(), receipt::body);
    assertEquals(
        base.toURI().resolve("api/offers/" + id + "/receipt").toString(),
        receipt.headers().firstValue("Location").orElse(""),
        "201 names the receipt's URL");
    assertEquals("RECEIPT_SUBMITTED", json(receipt).path("status").asText(), receipt::body);
    assertEquals("TAKER", json(receipt).path("role").asText(), receipt::body);
    JsonNode approved = feedback(api, maker, id, "APPROVE", "arrived, thanks");

    assertEquals("COMPLETED", approved.path("status").asText());
    assertEquals("MAKER", approved.path("role").asText());
    assertEquals("APPROVED", approved.path("outcome").asText(), approved::toString);
    JsonNode settlement = approved.path("settlement");
    assertEquals("APPROVED", settlement.path("outcome").asText(), approved::toString);
    assertEquals("DONE", settlement.path("state").asText(), approved::toString);
    assertEquals(7_167, settlement.path("makerAmount").asLong());
    assertEquals(75_268, settlement.path("takerAmount").asLong());
    assertEquals(767, settlement.path("platformAmount").asLong());
    assertWallet(api, taker, 75_268, 0);
    assertWallet(api, maker, 7_167, 0);
    assertEquals(treasuryBefore + 767, treasury(api, admin));
    JsonNode audit = json(api.get("api/offers/" + id + "/audit", maker.token()));
    assertTrue(audit.path("valid").asBoolean(), audit::toString);
    assertEquals(
        List.of("CREATE", "FUND", "CLAIM", "SUBMIT_RECEIPT", "APPROVE", "SETTLED"), actions(audit));
    assertChainVerifies(audit);
    JsonNode settled = audit.path("entries").get(5).path("entry");
    assertTrue(settled.asText().contains("\"takerReceived\":\"75268\""), settled::toString);
  }

  @Test
  void aMakerFundsByLightningAndNeverPolls() throws Exception {
    TradeClient api = api();
    Session maker = api.login();
    String walletId = api.wallet(maker).path("walletId").asText();
    String id = api.createOffer(maker, 10_000).path("id").asText();

    HttpResponse<String> invoice = api.post("api/offers/" + id + "/invoice", maker.token(), null);

    assertEquals(200, invoice.statusCode(), invoice::body);
    JsonNode offer = json(invoice);
    assertEquals("INVOICE_CREATED", offer.path("status").asText());
    assertEquals("LIGHTNING", offer.path("fundingMethod").asText(), offer::toString);
    assertTrue(offer.path("invoice").asText().startsWith("lnbc"), offer::toString);
    assertFalse(invoice.body().contains(quoteOf(api, id)), "the quote id stays on the server");
    JsonNode before = api.support("GET", "wallet?id=" + walletId);
    assertFalse(before.path("open").asBoolean(), "asking for the invoice opened no wallet");
    assertFalse(before.path("file").asBoolean(), "asking for the invoice created no wallet file");

    TradeMint.get().pay(quoteOf(api, id));
    BOOKS.deposited(offer.path("funding").asLong());
    api.await(
        "api/offers/" + id,
        null,
        view -> "INVOICE_PAID".equals(view.path("status").asText()),
        Duration.ofSeconds(30));

    assertTrue(api.support("GET", "wallet?id=" + walletId).path("open").asBoolean());
    assertWallet(api, maker, 0, offer.path("funding").asLong());
    JsonNode audit = json(api.get("api/offers/" + id + "/audit", maker.token()));
    assertEquals(List.of("CREATE", "REQUEST_INVOICE", "INVOICE_PAID"), actions(audit));
    assertTrue(
        audit.path("entries").get(2).path("entry").asText().contains("\"actor\":\"system\""));
  }

  @Test
  void twentyConcurrentClaimsHaveExactlyOneWinner() throws Exception {
    TradeClient api = api();
    Session maker = api.login();
    String id = api.fundedOffer(maker, 10_000, BOOKS);
    long bond = json(api.get("api/offers/" + id, null)).path("bond").asLong();
    List<Session> takers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Session taker = api.login();
      api.deposit(taker, bond, BOOKS);
      takers.add(taker);
    }
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> claims = new ArrayList<>();
    try {
      for (Session taker : takers) {
        claims.add(
            pool.submit(
                () -> {
                  start.await();
                  return api.post("api/offers/" + id + "/claim", taker.token(), "{}");
                }));
      }
      start.countDown();
      int won = 0;
      for (int i = 0; i < claims.size(); i++) {
        HttpResponse<String> answer = claims.get(i).get();
        if (answer.statusCode() == 200) {
          won++;
          assertWallet(api, takers.get(i), 0, bond);
        } else {
          assertProblem(answer, 409, "CONFLICT");
          assertWallet(api, takers.get(i), bond, 0);
        }
      }
      assertEquals(1, won);
    } finally {
      pool.shutdownNow();
    }
    assertEquals("CLAIMED", api.status(id, maker.token()));
    JsonNode audit = json(api.get("api/offers/" + id + "/audit", maker.token()));
    assertEquals(1, actions(audit).stream().filter("CLAIM"::equals).count());
  }

  @Test
  void liveEventsShowTheBookToAllAndTheTradeToItsParties() throws Exception {
    TradeClient api = api();
    Session maker = api.login();
    try (SseLines everyone = new SseLines(base, null);
        SseLines makerStream = new SseLines(base, maker.token())) {
      assertEquals(200, everyone.status());
      assertEquals(200, makerStream.status());
      String id = api.fundedOffer(maker, 10_000, BOOKS);

      String book =
          everyone.await(
              l -> l.startsWith("data:") && l.contains(id) && l.contains("INVOICE_PAID"),
              Duration.ofSeconds(15));
      String trade =
          makerStream.await(
              l ->
                  l.startsWith("data:")
                      && l.contains(id)
                      && l.contains("INVOICE_PAID")
                      && l.contains("\"MAKER\""),
              Duration.ofSeconds(15));

      assertFalse(book.contains("bank-qr-"), "the public event shows no QR code: " + book);
      assertFalse(book.contains(maker.pubkey()), "the public event shows no key: " + book);
      assertTrue(trade.contains("bank-qr-"), "the maker's own event has the QR code: " + trade);
      assertTrue(trade.contains("MAKER"), trade);
      // the parties' event carries the offer as the API shows it: flat, the state at .status
      JsonNode tradeEvent = JSON.readTree(trade.substring("data:".length()));
      assertEquals("INVOICE_PAID", tradeEvent.path("offer").path("status").asText(), trade);
      assertEquals(id, tradeEvent.path("offer").path("id").asText(), trade);
      assertTrue(tradeEvent.path("offer").path("btcPrice").isNumber(), trade);
      JsonNode bookEvent = JSON.readTree(book.substring("data:".length()));
      assertEquals("INVOICE_PAID", bookEvent.path("offer").path("status").asText(), book);
    }
  }

  @Test
  void aRetriedClaimIsAnsweredOnceAndReservesTheBondOnce() throws Exception {
    TradeClient api = api();
    Session maker = api.login();
    Session taker = api.login();
    String id = api.fundedOffer(maker, 10_000, BOOKS);
    long bond = json(api.get("api/offers/" + id, null)).path("bond").asLong();
    api.deposit(taker, 2 * bond, BOOKS);

    HttpResponse<String> first =
        api.post("api/offers/" + id + "/claim", taker.token(), "{}", "k-1");
    HttpResponse<String> retry =
        api.post("api/offers/" + id + "/claim", taker.token(), "{}", "k-1");

    assertEquals(200, first.statusCode(), first::body);
    assertEquals(200, retry.statusCode(), retry::body);
    assertEquals(first.body(), retry.body());
    assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(""));
    JsonNode wallet = api.wallet(taker);
    assertEquals(bond, wallet.path("spendable").asLong(), wallet::toString);
    assertEquals(bond, wallet.path("reserved").asLong(), wallet::toString);
    assertProblem(
        api.post(
            "api/offers/" + id + "/claim", taker.token(), "{\"bondToken\":\"cashuBx\"}", "k-1"),
        422,
        "IDEMPOTENCY_KEY_REUSED");

    // a replayed creation answers the same status and names the same offer
    String offer = "{\"fiatAmount\":1000,\"qrCode\":\"bank-qr-retried\"}";
    HttpResponse<String> made = api.post("api/offers", maker.token(), offer, "create-1");
    HttpResponse<String> madeAgain = api.post("api/offers", maker.token(), offer, "create-1");
    assertEquals(201, made.statusCode(), made::body);
    assertEquals(201, madeAgain.statusCode(), madeAgain::body);
    assertEquals(made.body(), madeAgain.body());
    assertEquals("true", madeAgain.headers().firstValue("Idempotent-Replayed").orElse(""));
    String location = made.headers().firstValue("Location").orElse("");
    assertEquals(
        base.toURI().resolve("api/offers/" + json(made).path("id").asText()).toString(), location);
    assertEquals(location, madeAgain.headers().firstValue("Location").orElse(""));
  }

  @Test
  void aUserMayHoldOnlySoManyOpenOffersAndClaims() throws Exception {
    TradeClient api = api();
    Session maker = api.login();
    Session taker = api.login();
    List<String> ids = new ArrayList<>();
    ids.add(api.fundedOffer(maker, 1_000, BOOKS));
    ids.add(api.fundedOffer(maker, 1_000, BOOKS));
    ids.add(api.createOffer(maker, 1_000).path("id").asText());

    assertProblem(
        api.post("api/offers", maker.token(), "{\"fiatAmount\":1000,\"qrCode\":\"x\"}"),
        409,
        "CONFLICT");
    api.deposit(taker, 2_000, BOOKS);
    api.claim(taker, ids.get(0));
    assertProblem(
        api.post("api/offers/" + ids.get(1) + "/claim", taker.token(), "{}"), 409, "CONFLICT");
    assertEquals("INVOICE_PAID", api.status(ids.get(1), maker.token()));
    JsonNode mine = json(api.get("api/offers/mine", maker.token()));
    assertEquals(3, mine.size());
    for (JsonNode offer : mine) {
      assertEquals("MAKER", offer.path("role").asText(), offer::toString);
      assertTrue(ids.contains(offer.path("id").asText()), offer::toString);
      assertTrue(offer.path("status").isTextual(), offer::toString);
    }
  }

  @Test
  void everyDisputeOutcomePaysItsRow() throws Exception {
    TradeClient api = api();
    String admin = api.adminLogin();
    Map<String, long[]> rows =
        Map.of(
            "MAKER_WINS", new long[] {82_435, 0, 767},
            "TAKER_WINS", new long[] {0, 82_435, 767},
            "SPLIT", new long[] {41_217, 41_217, 768},
            "RETURN", new long[] {75_268, 7_167, 767});
    for (Map.Entry<String, long[]> row : rows.entrySet()) {
      Session maker = api.login();
      Session taker = api.login();
      String id = disputed(api, maker, taker);
      HttpResponse<String> open = api.get("api/admin/disputes", admin);
      assertEquals(200, open.statusCode(), open::body);
      assertTrue(open.body().contains(id), open::body);
      long treasuryBefore = treasury(api, admin);

      HttpResponse<String> resolved =
          api.post(
              "api/admin/disputes/" + id + "/resolution",
              admin,
              JSON.createObjectNode()
                  .put("resolution", row.getKey())
                  .put("reason", "receipt checked against the bank statement")
                  .toString());

      assertEquals(200, resolved.statusCode(), resolved::body);
      // the same offer representation as every trade call: status, role and settlement
      JsonNode answer = json(resolved);
      assertEquals("RESOLVED", answer.path("status").asText(), resolved::body);
      assertEquals("ADMIN", answer.path("role").asText(), resolved::body);
      assertEquals(row.getKey(), answer.path("resolution").asText(), resolved::body);
      String outcome = "RETURN".equals(row.getKey()) ? "RETURNED" : row.getKey();
      assertEquals(outcome, answer.path("outcome").asText(), resolved::body);
      assertEquals(outcome, answer.path("settlement").path("outcome").asText(), resolved::body);
      assertEquals(
          row.getValue()[0], answer.path("settlement").path("makerAmount").asLong(), row::getKey);
      assertEquals(
          row.getValue()[1], answer.path("settlement").path("takerAmount").asLong(), row::getKey);
      assertTrue(answer.path("btcPrice").isNumber(), resolved::body);
      JsonNode asMakerSees = json(api.get("api/offers/" + id, maker.token()));
      assertEquals("MAKER", asMakerSees.path("role").asText(), asMakerSees::toString);
      assertEquals(fieldNames(asMakerSees), fieldNames(answer), resolved::body);
      assertWallet(api, maker, row.getValue()[0], 0);
      assertWallet(api, taker, row.getValue()[1], 0);
      assertEquals(treasuryBefore + row.getValue()[2], treasury(api, admin), row.getKey());
      HttpResponse<String> again =
          api.post(
              "api/admin/disputes/" + id + "/resolution",
              admin,
              JSON.createObjectNode().put("resolution", "SPLIT").put("reason", "twice").toString());
      assertProblem(again, 409, "CONFLICT");
      assertEquals(
          row.getKey(),
          json(api.get("api/offers/" + id, maker.token())).path("resolution").asText());
    }
  }

  @Test
  void aForfeitRefundsTheMakerAndKeepsTheTakersBond() throws Exception {
    TradeClient api = api();
    String admin = api.adminLogin();
    Session maker = api.login();
    Session taker = api.login();
    String id = issueMarked(api, maker, taker);
    long treasuryBefore = treasury(api, admin);

    assertProblem(
        api.post(
            "api/offers/" + id + "/answer",
            taker.token(),
            JSON.createObjectNode()
                .put("response", "FORFEIT")
                .put("message", "x".repeat(2_001))
                .toString()),
        400,
        "VALIDATION_FAILED");
    // the longest answer, all characters the audit chain escapes (control characters other than
    // tab, line feed and carriage return are refused since issue #11), still fits it escaped
    String words = "a" + "\"\\\n\t".repeat(499) + "\"\"" + "z";
    HttpResponse<String> forfeit =
        api.post(
            "api/offers/" + id + "/answer",
            taker.token(),
            JSON.createObjectNode().put("response", "FORFEIT").put("message", words).toString());

    assertEquals(200, forfeit.statusCode(), forfeit::body);
    assertEquals("FORFEITED", json(forfeit).path("status").asText());
    assertWallet(api, maker, F, 0);
    assertWallet(api, taker, 0, 0);
    assertEquals(treasuryBefore + B, treasury(api, admin));
  }

  @Test
  void receiptsAreForThePartiesAndTheAdminOnly() throws Exception {
    TradeClient api = api();
    String admin = api.adminLogin();
    Session maker = api.login();
    Session taker = api.login();
    Session stranger = api.login();
    String id = api.fundedOffer(maker, 10_000, BOOKS);
    long bond = json(api.get("api/offers/" + id, null)).path("bond").asLong();
    api.deposit(taker, bond, BOOKS);
    api.claim(taker, id);
    byte[] image = TradeClient.png(2_000);

    assertProblem(
        api.postBytes("api/offers/" + id + "/receipt", maker.token(), "image/png", image),
        403,
        "FORBIDDEN");
    // the party check comes before the body is read: a large upload by anyone else is a 403
    byte[] large = TradeClient.png(4 * 1024 * 1024);
    assertProblem(
        api.postBytes("api/offers/" + id + "/receipt", stranger.token(), "image/png", large),
        403,
        "FORBIDDEN");
    assertProblem(
        api.postBytes("api/offers/" + id + "/receipt", maker.token(), "image/png", large),
        403,
        "FORBIDDEN");
    assertProblem(
        api.postBytes("api/offers/nosuchoffer/receipt", taker.token(), "image/png", large),
        404,
        "NOT_FOUND");
    // and an outsized one is refused by its declared length before anything else looks at it
    byte[] outsized = TradeClient.png(6 * 1024 * 1024);
    assertProblem(
        api.postBytes("api/offers/" + id + "/receipt", stranger.token(), "image/png", outsized),
        413,
        "PAYLOAD_TOO_LARGE");
    // magic bytes alone are no image: the header is decoded
    byte[] fakeWebp = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'};
    assertProblem(
        api.postBytes("api/offers/" + id + "/receipt", taker.token(), "image/webp", fakeWebp),
        400,
        "RECEIPT_INVALID");
    assertProblem(
        api.postBytes(
            "api/offers/" + id + "/receipt", taker.token(), "image/png", hugePng(100_000)),
        400,
        "RECEIPT_INVALID");
    assertProblem(
        api.postBytes("api/offers/" + id + "/receipt", taker.token(), "text/plain", image),
        415,
        "UNSUPPORTED_MEDIA_TYPE");
    assertProblem(
        api.postBytes("api/offers/" + id + "/receipt", taker.token(), "image/jpeg", image),
        415,
        "UNSUPPORTED_MEDIA_TYPE");
    assertProblem(
        api.postBytes(
            "api/offers/" + id + "/receipt",
            taker.token(),
            "image/png",
            TradeClient.png(5 * 1024 * 1024 + 1)),
        413,
        "PAYLOAD_TOO_LARGE");
    assertEquals("CLAIMED", api.status(id, maker.token()));
    assertEquals(
        201,
        api.postBytes("api/offers/" + id + "/receipt", taker.token(), "image/png", image)
            .statusCode());
    assertProblem(
        api.postBytes("api/offers/" + id + "/receipt", taker.token(), "image/png", image),
        409,
        "CONFLICT");

    for (String reader : new String[] {maker.token(), taker.token(), admin}) {
      HttpResponse<byte[]> read = api.getBytes("api/offers/" + id + "/receipt", reader);
      assertEquals(200, read.statusCode());
      assertEquals("image/png", read.headers().firstValue("Content-Type").orElse(""));
      assertArrayEquals(image, read.body());
    }
    HttpResponse<byte[]> refused = api.getBytes("api/offers/" + id + "/receipt", stranger.token());
    assertEquals(403, refused.statusCode());
    assertEquals(401, api.getBytes("api/offers/" + id + "/receipt", null).statusCode());
    assertProblem(api.get("api/offers/" + id + "/audit", stranger.token()), 403, "FORBIDDEN");
    JsonNode publicView = json(api.get("api/offers/" + id, stranger.token()));
    assertFalse(
        publicView.has("qrCode") || publicView.toString().contains("bank-qr-"),
        publicView::toString);
  }

  @Test
  void badInputsGetProblemsAndChangeNothing() throws Exception {
    TradeClient api = api();
    Session maker = api.login();
    Session other = api.login();
    assertProblem(
        api.post("api/offers", maker.token(), "{\"qrCode\":\"x\"}"), 400, "VALIDATION_FAILED");
    assertProblem(
        api.post("api/offers", maker.token(), "{\"fiatAmount\":1000}"), 400, "VALIDATION_FAILED");
    assertProblem(
        api.post("api/offers", maker.token(), "{\"fiatAmount\":\"many\",\"qrCode\":\"x\"}"),
        400,
        "MALFORMED_JSON");
    assertProblem(
        api.post("api/offers", maker.token(), "{\"fiatAmount\":-5,\"qrCode\":\"x\"}"),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        api.post("api/offers", maker.token(), "{\"fiatAmount\":100001,\"qrCode\":\"x\"}"),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        api.post(
            "api/offers",
            maker.token(),
            "{\"fiatAmount\":1000,\"qrCode\":\"" + "q".repeat(100_000) + "\"}"),
        413,
        "PAYLOAD_TOO_LARGE");
    assertProblem(
        api.post(
            "api/offers",
            maker.token(),
            "{\"fiatAmount\":1000,\"qrCode\":\"" + "q".repeat(3_000) + "\"}"),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        api.post("api/offers", null, "{\"fiatAmount\":1000,\"qrCode\":\"x\"}"),
        401,
        "UNAUTHORIZED");
    assertEquals(0, json(api.get("api/offers/mine", maker.token())).size(), "no offer was created");

    assertProblem(api.get("api/offers/no-such-offer", null), 404, "NOT_FOUND");
    assertProblem(
        api.post("api/offers/no-such-offer/claim", other.token(), "{}"), 404, "NOT_FOUND");

    String id = api.createOffer(maker, 10_000).path("id").asText();
    int entries =
        json(api.get("api/offers/" + id + "/audit", maker.token())).path("entries").size();
    assertProblem(api.post("api/offers/" + id + "/claim", other.token(), "{}"), 409, "CONFLICT");
    assertProblem(feedbackResponse(api, maker, id, "APPROVE"), 409, "CONFLICT");
    assertProblem(
        api.post("api/offers/" + id + "/funding", other.token(), "{\"source\":\"BALANCE\"}"),
        403,
        "FORBIDDEN");
    assertProblem(
        api.post("api/offers/" + id + "/funding", maker.token(), "{\"source\":\"CARD\"}"),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        api.post("api/offers/" + id + "/funding", maker.token(), "{\"source\":\"BALANCE\"}"),
        409,
        "INSUFFICIENT_FUNDS");
    assertProblem(
        api.post(
            "api/offers/" + id + "/funding",
            maker.token(),
            "{\"source\":\"TOKEN\",\"token\":\"cashuBnotatoken\"}"),
        400,
        "TOKEN_REJECTED");
    String small = TradeMint.get().token(100);
    assertProblem(
        api.post(
            "api/offers/" + id + "/funding",
            maker.token(),
            JSON.createObjectNode().put("source", "TOKEN").put("token", small).toString()),
        400,
        "VALIDATION_FAILED");
    assertEquals(100, TradeMint.get().redeem(small), "a refused token stays unspent");

    assertEquals("CREATED", api.status(id, maker.token()));
    assertEquals(
        entries,
        json(api.get("api/offers/" + id + "/audit", maker.token())).path("entries").size());
    assertWallet(api, maker, 0, 0);

    api.deposit(maker, 20_000, BOOKS);
    assertEquals(
        200,
        api.post("api/offers/" + id + "/funding", maker.token(), "{\"source\":\"BALANCE\"}")
            .statusCode());
    assertProblem(api.post("api/offers/" + id + "/claim", maker.token(), "{}"), 403, "FORBIDDEN");
    assertProblem(
        api.post("api/offers/" + id + "/claim", other.token(), "{}"), 409, "INSUFFICIENT_FUNDS");
    assertEquals("INVOICE_PAID", api.status(id, maker.token()));
    assertWallet(api, other, 0, 0);
    assertProblem(
        api.post(
            "api/admin/disputes/" + id + "/resolution",
            other.token(),
            "{\"resolution\":\"SPLIT\",\"reason\":\"x\"}"),
        403,
        "FORBIDDEN");
    String admin = api.adminLogin();
    assertProblem(
        api.post(
            "api/admin/disputes/" + id + "/resolution",
            admin,
            "{\"resolution\":\"HALVES\",\"reason\":\"x\"}"),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        api.post("api/admin/disputes/" + id + "/resolution", admin, "{\"resolution\":\"SPLIT\"}"),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        api.post(
            "api/admin/disputes/" + id + "/resolution",
            admin,
            "{\"resolution\":\"SPLIT\",\"reason\":\"x\"}"),
        409,
        "CONFLICT");
    assertProblem(api.get("api/offers?size=0", null), 400, "VALIDATION_FAILED");
    assertProblem(api.get("api/offers?page=-1", null), 400, "VALIDATION_FAILED");
    assertEquals("INVOICE_PAID", api.status(id, maker.token()));
  }

  @Test
  void theOrderBookShowsFundedOffersWithPublicFieldsOnly() throws Exception {
    TradeClient api = api();
    Session maker = api.login();
    JsonNode created =
        json(
            api.post(
                "api/offers",
                maker.token(),
                JSON.createObjectNode()
                    .put("fiatAmount", 5_000)
                    .put("qrCode", "bank-qr-private")
                    .put("fiatProvider", "toss")
                    .toString()));
    String id = created.path("id").asText();
    long funding = created.path("funding").asLong();
    fundWithToken(api, maker, id, funding);
    String unfunded = api.createOffer(maker, 5_000).path("id").asText();

    JsonNode book = json(api.get("api/offers?fiatProvider=toss&size=100", null));

    List<String> ids = new ArrayList<>();
    book.path("offers").forEach(o -> ids.add(o.path("id").asText()));
    assertTrue(ids.contains(id), book::toString);
    assertFalse(ids.contains(unfunded), book::toString);
    assertFalse(book.toString().contains("bank-qr-private"), book::toString);
    assertFalse(book.toString().contains(maker.pubkey()), book::toString);
    assertTrue(
        book.path("offers").findValues("fiatProvider").stream()
            .allMatch(p -> p.asText().equals("toss")));
    assertFalse(json(api.get("api/offers?fiatProvider=nobank", null)).toString().contains(id));

    // that page is kept in memory now; funding another offer drops it the moment it commits
    JsonNode second =
        json(
            api.post(
                "api/offers",
                maker.token(),
                JSON.createObjectNode()
                    .put("fiatAmount", 6_000)
                    .put("qrCode", "bank-qr-second")
                    .put("fiatProvider", "toss")
                    .toString()));
    String secondId = second.path("id").asText();
    fundWithToken(api, maker, secondId, second.path("funding").asLong());
    JsonNode again = json(api.get("api/offers?fiatProvider=toss&size=100", null));
    List<String> now = new ArrayList<>();
    again.path("offers").forEach(o -> now.add(o.path("id").asText()));
    assertTrue(now.contains(secondId), again::toString);
    assertTrue(now.contains(id), again::toString);
  }

  @Test
  void theAdminSeesAndWithdrawsTheTreasury() throws Exception {
    TradeClient api = api();
    String admin = api.adminLogin();
    Session maker = api.login();
    Session taker = api.login();
    String id = disputedBy(api, maker, taker, 10_000);
    api.post(
        "api/admin/disputes/" + id + "/resolution",
        admin,
        "{\"resolution\":\"RETURN\",\"reason\":\"both at fault\"}");
    long before = treasury(api, admin);
    assertTrue(before >= 167, "the platform fee of the RETURN arrived");
    assertProblem(api.get("api/admin/treasury", taker.token()), 403, "FORBIDDEN");
    assertProblem(
        api.post("api/admin/treasury/withdrawals", admin, "{\"amount\":" + (before + 1) + "}"),
        409,
        "INSUFFICIENT_FUNDS");

    HttpResponse<String> withdrawn =
        api.post("api/admin/treasury/withdrawals", admin, "{\"amount\":150}");

    assertEquals(200, withdrawn.statusCode(), withdrawn::body);
    String token = json(withdrawn).path("token").asText();
    assertEquals(150, TradeMint.get().redeem(token));
    BOOKS.withdrew(150);
    JsonNode after = json(api.get("api/admin/treasury", admin));
    assertEquals(before - 150, after.path("spendable").asLong());
    assertTrue(after.path("withdrawn").asLong() >= 150);
  }

  @Test
  void inflightIsWhatIsOutstandingAndALargerBondTokenHoldsOnlyTheBond() throws Exception {
    TradeClient api = api();
    String admin = api.adminLogin();
    Session maker = api.login();
    Session taker = api.login();
    String id = api.fundedOffer(maker, 10_000, BOOKS);
    long bond = json(api.get("api/offers/" + id, null)).path("bond").asLong();
    long extra = 5_000;
    String bondToken = TradeMint.get().token(bond + extra);
    BOOKS.deposited(bond + extra);

    HttpResponse<String> claimed = api.claimWithBondToken(taker, id, bondToken);

    assertEquals(200, claimed.statusCode(), claimed::body);
    assertEquals("CLAIMED", api.status(id, taker.token()));
    JsonNode held = api.wallet(taker);
    assertEquals(bond, held.path("reserved").asLong(), "only the bond is held: " + held);
    assertEquals(extra, held.path("spendable").asLong(), "the rest is spendable: " + held);
    assertEquals(0, held.path("inflight").asLong(), held::toString);

    assertEquals(201, api.postReceipt(taker, id).statusCode());
    api.feedback(maker, id, "APPROVE", "arrived");
    assertEquals("COMPLETED", api.status(id, maker.token()));
    // the escrow's tokens were redeemed by the taker's wallet and the treasury: nobody counts them
    // in flight after one sweep interval (the settlement settles them at once; the sweep is the
    // net)
    Duration within = INFLIGHT_SWEEP.plusSeconds(10);
    for (Session party : List.of(maker, taker)) {
      JsonNode wallet =
          api.await("api/wallet", party.token(), w -> w.path("inflight").asLong() == 0, within);
      assertEquals(0, wallet.path("reserved").asLong(), wallet::toString);
    }
    api.await("api/admin/treasury", admin, t -> t.path("inflight").asLong() == 0, within);
    long spendable = api.wallet(taker).path("spendable").asLong();

    // a withdrawn token counts in flight while it is outstanding, and no longer once redeemed
    JsonNode withdrawn = api.withdrawToken(taker, 1_000);
    assertEquals(1_000, withdrawn.path("balance").path("inflight").asLong(), withdrawn::toString);
    assertEquals(1_000, TradeMint.get().redeem(withdrawn.path("token").asText()));
    BOOKS.withdrew(1_000);
    JsonNode after =
        api.await("api/wallet", taker.token(), w -> w.path("inflight").asLong() == 0, within);
    assertEquals(spendable - 1_000, after.path("spendable").asLong(), after::toString);
  }

  /** A worked-example trade taken to DISPUTED. */
  private static String disputed(TradeClient api, Session maker, Session taker) throws Exception {
    return disputedBy(api, maker, taker, EXAMPLE_FIAT);
  }

  private static String disputedBy(TradeClient api, Session maker, Session taker, long fiat)
      throws Exception {
    String id = issueMarkedBy(api, maker, taker, fiat);
    HttpResponse<String> counter =
        api.post(
            "api/offers/" + id + "/answer",
            taker.token(),
            JSON.createObjectNode().put("response", "COUNTER").put("message", "I paid").toString());
    assertEquals(200, counter.statusCode(), counter::body);
    assertEquals("DISPUTED", json(counter).path("status").asText());
    return id;
  }

  private static String issueMarked(TradeClient api, Session maker, Session taker)
      throws Exception {
    return issueMarkedBy(api, maker, taker, EXAMPLE_FIAT);
  }

  private static String issueMarkedBy(TradeClient api, Session maker, Session taker, long fiat)
      throws Exception {
    JsonNode created = api.createOffer(maker, fiat);
    String id = created.path("id").asText();
    fundWithToken(api, maker, id, created.path("funding").asLong());
    api.deposit(taker, created.path("bond").asLong(), BOOKS);
    api.claim(taker, id);
    assertEquals(201, api.postReceipt(taker, id).statusCode());
    JsonNode marked = feedback(api, maker, id, "ISSUE", "nothing arrived");
    assertEquals("MARKED_WITH_ISSUE", marked.path("status").asText());
    return id;
  }

  private static void fundWithToken(TradeClient api, Session maker, String id, long funding)
      throws Exception {
    String token = TradeMint.get().token(funding);
    BOOKS.deposited(funding);
    HttpResponse<String> funded =
        api.post(
            "api/offers/" + id + "/funding",
            maker.token(),
            JSON.createObjectNode().put("source", "TOKEN").put("token", token).toString());
    assertEquals(200, funded.statusCode(), funded::body);
  }

  private static JsonNode feedback(
      TradeClient api, Session maker, String id, String verdict, String words) throws Exception {
    return api.feedback(maker, id, verdict, words);
  }

  private static HttpResponse<String> feedbackResponse(
      TradeClient api, Session maker, String id, String verdict) throws Exception {
    return api.post(
        "api/offers/" + id + "/feedback",
        maker.token(),
        JSON.createObjectNode().put("verdict", verdict).toString());
  }

  private static String quoteOf(TradeClient api, String offerId) throws Exception {
    return api.support("GET", "quote?offer=" + offerId).path("quoteId").asText();
  }

  private static long treasury(TradeClient api, String admin) throws Exception {
    HttpResponse<String> treasury = api.get("api/admin/treasury", admin);
    assertEquals(200, treasury.statusCode(), treasury::body);
    return json(treasury).path("spendable").asLong();
  }

  private static void assertWallet(TradeClient api, Session s, long spendable, long reserved)
      throws Exception {
    JsonNode wallet = api.wallet(s);
    assertEquals(spendable, wallet.path("spendable").asLong(), wallet::toString);
    assertEquals(reserved, wallet.path("reserved").asLong(), wallet::toString);
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  private static List<String> actions(JsonNode audit) {
    List<String> actions = new ArrayList<>();
    audit.path("entries").forEach(e -> actions.add(e.path("action").asText()));
    return actions;
  }

  /** Verifies the chain as a party would: recompute every hash from the entries alone. */
  static void assertChainVerifies(JsonNode audit) throws Exception {
    byte[] previous = new byte[32];
    int seq = 1;
    for (JsonNode entry : audit.path("entries")) {
      assertEquals(seq++, entry.path("seq").asInt());
      assertEquals(HexFormat.of().formatHex(previous), entry.path("prevHash").asText());
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(previous);
      sha256.update(entry.path("entry").asText().getBytes(StandardCharsets.UTF_8));
      previous = sha256.digest();
      assertEquals(HexFormat.of().formatHex(previous), entry.path("hash").asText());
    }
    assertEquals(HexFormat.of().formatHex(previous), audit.path("head").asText());
  }

  /** A well-formed PNG header (signature and IHDR with its CRC) claiming side x side pixels. */
  private static byte[] hugePng(int side) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + 25);
    b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    b.putInt(13).put(new byte[] {'I', 'H', 'D', 'R'}).putInt(side).putInt(side);
    b.put(new byte[] {8, 2, 0, 0, 0});
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(b.array(), 12, 17);
    b.putInt((int) crc.getValue());
    return b.array();
  }
}
