package org.openpleb.ee.web.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.ee.web.offer.TradeClient.JSON;
import static org.openpleb.ee.web.offer.TradeClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Every state's deadline, shortened by configuration to a few seconds, leads to the payout-table
 * outcome with its exact amounts (the worked example: F = 76,035, B = 7,167), measured from the
 * moment the offer entered the state; an invoice paid after its offer expired is credited to the
 * maker's wallet; disputes wait for the admin. Where a test needs time to pass it moves the
 * server's clock ({@link MovableClock}) instead of sleeping. After every test the conservation
 * check passes.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ReconciledAtEnd.class)
class TradeDeadlinesIT {

  private static final long FIAT = 100_000;
  private static final long F = 76_035;
  private static final long B = 7_167;
  private static final Duration OUTCOME_WAIT = Duration.ofSeconds(30);

  private static final Books BOOKS = new Books();

  @Deployment(testable = false)
  static WebArchive deployment() {
    Path data = TradeClient.dataDir();
    String mintUrl = TradeMint.start(data);
    return TradeClient.deployment(
        mintUrl,
        data,
        "OFFER_TIMEOUT_CREATED=8\nOFFER_TIMEOUT_INVOICE_CREATED=5\nOFFER_TIMEOUT_INVOICE_PAID=8\n"
            + "OFFER_TIMEOUT_CLAIMED=6\nOFFER_TIMEOUT_RECEIPT_SUBMITTED=6\n"
            + "OFFER_TIMEOUT_MARKED_WITH_ISSUE=6\nOFFER_SWEEP_INTERVAL=250\n"
            + "OFFER_QUOTE_POLL_INTERVAL=200\nOFFER_OPEN_LIMIT=50\n",
        MovableClock.class,
        ClockTestSupport.class);
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
  void anUnfundedOfferExpiresHoldingNothing() throws Exception {
    TradeClient api = api();
    Session maker = api.login();
    String id = api.createOffer(maker, FIAT).path("id").asText();

    JsonNode ended = awaitSettled(api, id, maker);

    assertEquals("EXPIRED", ended.path("status").asText());
    assertEquals("NOTHING_HELD", ended.path("settlement").path("outcome").asText());
    assertEquals(List.of("CREATE", "EXPIRE", "SETTLED"), actions(api, id, maker));
  }

  @Test
  void anInvoicePaidAfterItsOfferExpiredIsCreditedToTheMaker() throws Exception {
    TradeClient api = api();
    Session maker = api.login();
    String id = api.createOffer(maker, FIAT).path("id").asText();
    HttpResponse<String> invoice = api.post("api/offers/" + id + "/invoice", maker.token(), null);
    assertEquals(200, invoice.statusCode(), invoice::body);
    awaitSettled(api, id, maker);
    assertEquals("EXPIRED", api.status(id, maker.token()));

    TradeMint.get().pay(api.support("GET", "quote?offer=" + id).path("quoteId").asText());
    BOOKS.deposited(F);

    awaitRow(api, id, "quote_state", "CREDITED");
    JsonNode wallet = api.wallet(maker);
    assertEquals(F, wallet.path("spendable").asLong(), wallet::toString);
    assertEquals(0, wallet.path("reserved").asLong(), wallet::toString);
    assertTrue(actions(api, id, maker).contains("INVOICE_CREDITED"));
  }

  @Test
  void anUnclaimedOfferRefundsTheMakerInFull() throws Exception {
    TradeClient api = api();
    String admin = api.adminLogin();
    Session maker = api.login();
    long treasury = treasury(api, admin);
    String id = api.fundedOffer(maker, FIAT, BOOKS);

    JsonNode ended = awaitSettled(api, id, maker);

    assertOutcome(ended, "UNCLAIMED", F, 0, 0);
    assertWallet(api, maker, F);
    assertEquals(treasury, treasury(api, admin));
  }

  @Test
  void aClaimWithoutReceiptForfeitsTheTakersBond() throws Exception {
    TradeClient api = api();
    String admin = api.adminLogin();
    Session maker = api.login();
    Session taker = api.login();
    api.deposit(taker, B, BOOKS);
    String id = api.fundedOffer(maker, FIAT, BOOKS);
    api.claim(taker, id);
    long treasury = treasury(api, admin);

    JsonNode ended = awaitSettled(api, id, maker);

    assertOutcome(ended, "NO_RECEIPT", F, 0, B);
    assertWallet(api, maker, F);
    assertWallet(api, taker, 0);
    assertEquals(treasury + B, treasury(api, admin));
  }

  @Test
  void aSilentMakerApprovesTheReceiptByDefault() throws Exception {
    TradeClient api = api();
    String admin = api.adminLogin();
    Session maker = api.login();
    Session taker = api.login();
    api.deposit(taker, B, BOOKS);
    String id = api.fundedOffer(maker, FIAT, BOOKS);
    api.claim(taker, id);
    assertEquals(201, api.postReceipt(taker, id).statusCode());
    long treasury = treasury(api, admin);

    JsonNode ended = awaitSettled(api, id, maker);

    assertOutcome(ended, "AUTO_APPROVED", B, 75_268, 767);
    assertWallet(api, maker, B);
    assertWallet(api, taker, 75_268);
    assertEquals(treasury + 767, treasury(api, admin));
  }

  @Test
  void anUnansweredIssueForfeitsTheTakersBond() throws Exception {
    TradeClient api = api();
    String admin = api.adminLogin();
    Session maker = api.login();
    Session taker = api.login();
    api.deposit(taker, B, BOOKS);
    String id = api.fundedOffer(maker, FIAT, BOOKS);
    api.claim(taker, id);
    assertEquals(201, api.postReceipt(taker, id).statusCode());
    issue(api, maker, id);
    long treasury = treasury(api, admin);

    JsonNode ended = awaitSettled(api, id, maker);

    assertOutcome(ended, "ISSUE_UNANSWERED", F, 0, B);
    assertWallet(api, maker, F);
    assertWallet(api, taker, 0);
    assertEquals(treasury + B, treasury(api, admin));
    assertEquals(
        List.of("CREATE", "FUND", "CLAIM", "SUBMIT_RECEIPT", "MARK_ISSUE", "EXPIRE", "SETTLED"),
        actions(api, id, maker));
  }

  @Test
  void aFailingSettlementIsRetriedAndHoldsUpNoOther() throws Exception {
    TradeClient api = api();
    Session maker = api.login();
    Session taker = api.login();
    Session otherMaker = api.login();
    Session otherTaker = api.login();
    String broken = receiptSubmitted(api, maker, taker);
    String sound = receiptSubmitted(api, otherMaker, otherTaker);
    String escrow =
        api.support("POST", "escrow-owner?offer=" + broken + "&owner=escrow:nowhere")
            .path("previous")
            .asText();

    awaitSettled(api, sound, otherMaker);
    JsonNode failing =
        api.await(
            "api/trade-support/settlement?offer=" + broken,
            null,
            s -> s.path("attempts").asInt() >= 1,
            OUTCOME_WAIT);

    assertEquals("PENDING", failing.path("state").asText(), failing::toString);
    assertEquals("INSUFFICIENT_FUNDS", failing.path("last_error").asText(), failing::toString);
    assertEquals("EXPIRED", api.status(broken, maker.token()));
    assertWallet(api, otherTaker, 75_268);
    assertEquals(
        3,
        api.support("POST", "step-owner?offer=" + broken + "&from=escrow:nowhere&to=" + escrow)
            .path("updated")
            .asInt());
    api.support("POST", "escrow-owner?offer=" + broken + "&owner=" + escrow);
    JsonNode retried = awaitSettled(api, broken, maker);
    assertOutcome(retried, "AUTO_APPROVED", B, 75_268, 767);
    assertWallet(api, taker, 75_268);
    assertWallet(api, maker, B);
  }

  private static String receiptSubmitted(TradeClient api, Session maker, Session taker)
      throws Exception {
    api.deposit(taker, B, BOOKS);
    String id = api.fundedOffer(maker, FIAT, BOOKS);
    api.claim(taker, id);
    assertEquals(201, api.postReceipt(taker, id).statusCode());
    return id;
  }

  @Test
  void eachDeadlineCountsFromEnteringItsState() throws Exception {
    TradeClient api = api();
    Session maker = api.login();
    Session taker = api.login();
    api.deposit(taker, B, BOOKS);
    String id = api.fundedOffer(maker, FIAT, BOOKS);
    JsonNode funded = json(api.get("api/offers/" + id, maker.token()));
    moveClock(api, 5);
    JsonNode claimed = api.claim(taker, id);
    java.time.OffsetDateTime serverNow = serverNow(api);

    java.time.OffsetDateTime fundedDeadline =
        java.time.OffsetDateTime.parse(funded.path("expiresAt").asText());
    java.time.OffsetDateTime claimDeadline =
        java.time.OffsetDateTime.parse(claimed.path("expiresAt").asText());
    assertTrue(
        claimDeadline.isAfter(fundedDeadline),
        "a claim late in the funded window still gets the whole claim window");
    long window = Duration.between(serverNow.minusSeconds(1), claimDeadline).toSeconds();
    assertTrue(window >= 4 && window <= 7, () -> "claim window " + window);
    awaitSettled(api, id, maker);
  }

  @Test
  void aDisputeWaitsForTheAdminPastEveryDeadline() throws Exception {
    TradeClient api = api();
    Session maker = api.login();
    Session taker = api.login();
    api.deposit(taker, B, BOOKS);
    String id = api.fundedOffer(maker, FIAT, BOOKS);
    api.claim(taker, id);
    assertEquals(201, api.postReceipt(taker, id).statusCode());
    issue(api, maker, id);
    HttpResponse<String> counter =
        api.post(
            "api/offers/" + id + "/answer",
            taker.token(),
            JSON.createObjectNode().put("response", "COUNTER").toString());
    assertEquals(200, counter.statusCode(), counter::body);

    moveClock(api, 9);
    api.support("POST", "sweep");

    JsonNode disputed = json(api.get("api/offers/" + id, maker.token()));
    assertEquals("DISPUTED", disputed.path("status").asText());
    JsonNode deadline = disputed.path("expiresAt");
    assertTrue(deadline.isMissingNode() || deadline.isNull(), disputed::toString);
    String admin = api.adminLogin();
    HttpResponse<String> resolved =
        api.post(
            "api/admin/disputes/" + id + "/resolution",
            admin,
            "{\"resolution\":\"TAKER_WINS\",\"reason\":\"bank confirmed the transfer\"}");
    assertEquals(200, resolved.statusCode(), resolved::body);
    assertWallet(api, taker, 82_435);
  }

  /** Moves the server's clock forward instead of sleeping until a deadline passes. */
  private static void moveClock(TradeClient api, long seconds) throws Exception {
    HttpResponse<String> moved = api.post("api/test-clock/advance?seconds=" + seconds, null, null);
    assertEquals(200, moved.statusCode(), moved::body);
  }

  /** The server's now, on its moved clock. */
  private static java.time.OffsetDateTime serverNow(TradeClient api) throws Exception {
    return java.time.OffsetDateTime.parse(
        json(api.get("api/test-clock/now", null)).path("now").asText());
  }

  private static void issue(TradeClient api, Session maker, String id) throws Exception {
    HttpResponse<String> marked =
        api.post(
            "api/offers/" + id + "/feedback",
            maker.token(),
            JSON.createObjectNode().put("verdict", "ISSUE").put("feedback", "not seen").toString());
    assertEquals(200, marked.statusCode(), marked::body);
  }

  private static JsonNode awaitSettled(TradeClient api, String id, Session maker) throws Exception {
    return api.await(
        "api/offers/" + id,
        maker.token(),
        d -> "DONE".equals(d.path("settlement").path("state").asText()),
        OUTCOME_WAIT);
  }

  private static void awaitRow(TradeClient api, String id, String column, String value)
      throws Exception {
    long until = System.nanoTime() + OUTCOME_WAIT.toNanos();
    while (System.nanoTime() < until) {
      if (value.equals(api.support("GET", "offer?id=" + id).path(column).asText())) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(column + " of offer " + id + " never became " + value);
  }

  private static void assertOutcome(
      JsonNode ended, String outcome, long maker, long taker, long platform) {
    assertEquals("EXPIRED", ended.path("status").asText());
    JsonNode s = ended.path("settlement");
    assertEquals(outcome, s.path("outcome").asText(), ended::toString);
    assertEquals(maker, s.path("makerAmount").asLong(), ended::toString);
    assertEquals(taker, s.path("takerAmount").asLong(), ended::toString);
    assertEquals(platform, s.path("platformAmount").asLong(), ended::toString);
  }

  private static void assertWallet(TradeClient api, Session s, long spendable) throws Exception {
    JsonNode wallet = api.wallet(s);
    assertEquals(spendable, wallet.path("spendable").asLong(), wallet::toString);
    assertEquals(0, wallet.path("reserved").asLong(), wallet::toString);
  }

  private static long treasury(TradeClient api, String admin) throws Exception {
    return json(api.get("api/admin/treasury", admin)).path("spendable").asLong();
  }

  private static List<String> actions(TradeClient api, String id, Session party) throws Exception {
    List<String> actions = new ArrayList<>();
    json(api.get("api/offers/" + id + "/audit", party.token()))
        .path("entries")
        .forEach(e -> actions.add(e.path("action").asText()));
    return actions;
  }
}
