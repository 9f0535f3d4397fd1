package org.openpleb.devmint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.openpleb.devmint.TestWallet.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpleb.devmint.TestWallet.Coin;
import org.openpleb.devmint.TestWallet.Output;
import org.openpleb.devmint.TestWallet.Reply;

/**
 * Every refusal the dev mint promises: each test sends one bad request and checks HTTP 400 with the
 * NUT error code, and that the refusal changed nothing.
 */
class ErrorCodesTest {

  private DevMint mint;
  private TestWallet wallet;

  @BeforeEach
  void start() {
    mint = DevMint.start(DevMintConfig.defaults());
    wallet = new TestWallet(mint.url());
  }

  @AfterEach
  void stop() {
    mint.close();
  }

  @Test
  void proofWithWrongSignatureIs10001() {
    List<Coin> coins = wallet.mint(3); // 1 + 2
    Coin forged =
        new Coin(
            coins.get(0).amount(),
            coins.get(0).keysetId(),
            coins.get(0).secret(),
            coins.get(1).c());

    assertRefused(10001, wallet.post("/v1/swap", swapBody(List.of(forged), 1)));
    // a real proof with an amount its signature was not made for fails too
    Coin inflated = new Coin(2, coins.get(0).keysetId(), coins.get(0).secret(), coins.get(0).c());
    assertRefused(10001, wallet.post("/v1/swap", swapBody(List.of(inflated), 2)));
    assertEquals(List.of("UNSPENT", "UNSPENT"), wallet.states(coins));
  }

  @Test
  void spendingTwiceIs11001() {
    List<Coin> coins = wallet.mint(4);
    wallet.swap(coins, 4);

    assertRefused(11001, wallet.post("/v1/swap", swapBody(coins, 4)));
  }

  @Test
  void spendingInputsOfAPendingMeltIs11002() {
    List<Coin> coins = wallet.mint(16);
    mint.control().setMeltOutcome(MeltOutcome.PENDING);
    JsonNode quote = meltQuote(mint.control().createInvoice(10));
    assertEquals(
        "PENDING",
        ok(wallet.post("/v1/melt/bolt11", meltBody(quote, coins))).get("state").asText());

    assertRefused(11002, wallet.post("/v1/swap", swapBody(coins, 16)));
    assertEquals(List.of("PENDING"), wallet.states(coins));
  }

  @Test
  void signingTheSameOutputAgainIs11003() {
    JsonNode quote = wallet.mintQuote(8);
    List<Output> outputs = wallet.outputs(wallet.activeKeysetId(), 8);
    ok(wallet.post("/v1/mint/bolt11", wallet.mintBody(quote.get("quote").asText(), outputs)));
    List<Coin> other = wallet.mint(8);

    assertRefused(11003, wallet.post("/v1/swap", wallet.swapBody(other, outputs)));
    assertEquals(List.of("UNSPENT"), wallet.states(other), "refused swap spends nothing");
  }

  @Test
  void unbalancedSwapIs11005() {
    List<Coin> coins = wallet.mint(5);

    assertRefused(11005, wallet.post("/v1/swap", swapBody(coins, 4, 2)));
    assertRefused(11005, wallet.post("/v1/swap", swapBody(coins, 4)));
    assertEquals(List.of("UNSPENT", "UNSPENT"), wallet.states(coins));
  }

  @Test
  void mintOutputsNotEqualToQuoteAmountIs11005() {
    JsonNode quote = wallet.mintQuote(10);
    List<Output> outputs = wallet.outputs(wallet.activeKeysetId(), 8, 4);

    assertRefused(
        11005,
        wallet.post("/v1/mint/bolt11", wallet.mintBody(quote.get("quote").asText(), outputs)));
    assertEquals("PAID", quoteState(quote));
  }

  @Test
  void meltWithTooFewInputsIs11005() {
    List<Coin> coins = wallet.mint(10);
    JsonNode quote = meltQuote(mint.control().createInvoice(9)); // needs 9 + 2 reserve

    assertRefused(11005, wallet.post("/v1/melt/bolt11", meltBody(quote, coins)));
  }

  @Test
  void amountsOutsideTheLimitsAre11006() {
    assertRefused(11006, wallet.post("/v1/mint/quote/bolt11", quoteBody(0)));
    assertRefused(11006, wallet.post("/v1/mint/quote/bolt11", quoteBody(1_000_000_001L)));
    // 20 BTC invoice
    ObjectNode melt =
        TestWallet.JSON
            .createObjectNode()
            .put("request", "lnbcrt20" + "1" + "q".repeat(60))
            .put("unit", "sat");
    assertRefused(11006, wallet.post("/v1/melt/quote/bolt11", melt));
  }

  @Test
  void duplicateInputsAre11007() {
    List<Coin> coins = wallet.mint(2);
    List<Coin> twice = List.of(coins.get(0), coins.get(0));

    assertRefused(11007, wallet.post("/v1/swap", swapBody(twice, 4)));
  }

  @Test
  void duplicateOutputsAre11008() {
    List<Coin> coins = wallet.mint(2);
    Output one = wallet.outputs(wallet.activeKeysetId(), 1).get(0);

    assertRefused(11008, wallet.post("/v1/swap", wallet.swapBody(coins, List.of(one, one))));
  }

  @Test
  void unknownKeysetIs12001() {
    String unknown = "01" + "ab".repeat(32);
    List<Coin> coins = wallet.mint(1);

    assertRefused(
        12001, wallet.post("/v1/swap", wallet.swapBody(coins, wallet.outputs(unknown, 1))));
    Coin stranger = new Coin(1, unknown, coins.get(0).secret(), coins.get(0).c());
    assertRefused(12001, wallet.post("/v1/swap", swapBody(List.of(stranger), 1)));
    assertRefused(12001, wallet.get("/v1/keys/" + unknown));
  }

  @Test
  void outputsForTheInactiveKeysetAre12002() {
    List<Coin> coins = wallet.mint(2);
    List<Output> outputs = wallet.outputs(wallet.inactiveKeysetId(), 2);

    assertRefused(12002, wallet.post("/v1/swap", wallet.swapBody(coins, outputs)));
    JsonNode quote = wallet.mintQuote(2);
    assertRefused(
        12002,
        wallet.post("/v1/mint/bolt11", wallet.mintBody(quote.get("quote").asText(), outputs)));
  }

  @Test
  void mintingAnUnpaidQuoteIs20001() {
    mint.control().setAutoPay(false);
    JsonNode quote = wallet.mintQuote(4);

    Reply reply =
        wallet.post(
            "/v1/mint/bolt11",
            wallet.mintBody(
                quote.get("quote").asText(), wallet.outputs(wallet.activeKeysetId(), 4)));

    assertRefused(20001, reply);
  }

  @Test
  void mintingAnIssuedQuoteAgainIs20002() {
    JsonNode quote = wallet.mintQuote(4);
    String id = quote.get("quote").asText();
    ok(
        wallet.post(
            "/v1/mint/bolt11", wallet.mintBody(id, wallet.outputs(wallet.activeKeysetId(), 4))));

    assertRefused(
        20002,
        wallet.post(
            "/v1/mint/bolt11", wallet.mintBody(id, wallet.outputs(wallet.activeKeysetId(), 4))));
  }

  @Test
  void meltingAPendingQuoteAgainIs20005() {
    List<Coin> coins = wallet.mint(32);
    mint.control().setMeltOutcome(MeltOutcome.PENDING);
    JsonNode quote = meltQuote(mint.control().createInvoice(10));
    ok(wallet.post("/v1/melt/bolt11", meltBody(quote, coins.subList(0, 1))));

    List<Coin> more = wallet.mint(16);
    assertRefused(20005, wallet.post("/v1/melt/bolt11", meltBody(quote, more)));
  }

  @Test
  void expiredUnpaidQuotesAre20007() {
    List<Coin> coins = wallet.mint(16);
    mint.control().setAutoPay(false);
    JsonNode mintQuote = wallet.mintQuote(4);
    JsonNode meltQuote = meltQuote(mint.control().createInvoice(4));

    mint.control().advanceClock(Duration.ofHours(2));

    String quoteId = mintQuote.get("quote").asText();
    List<Output> outputs = wallet.outputs(wallet.activeKeysetId(), 4);
    assertRefused(20007, wallet.post("/v1/mint/bolt11", wallet.mintBody(quoteId, outputs)));
    assertRefused(20007, wallet.post("/v1/melt/bolt11", meltBody(meltQuote, coins)));
    assertEquals(List.of("UNSPENT"), wallet.states(coins));
  }

  @Test
  void paidQuoteStaysMintableAfterExpiry() {
    JsonNode quote = wallet.mintQuote(4);
    mint.control().advanceClock(Duration.ofHours(2));

    ok(
        wallet.post(
            "/v1/mint/bolt11",
            wallet.mintBody(
                quote.get("quote").asText(), wallet.outputs(wallet.activeKeysetId(), 4))));
  }

  // ---- codes beyond the core list ----

  @Test
  void malformedRequestsAre10000() {
    assertRefused(10000, wallet.post("/v1/swap", "{not json"));
    assertRefused(10000, wallet.post("/v1/swap", "{}"));
    assertRefused(10000, wallet.post("/v1/mint/quote/bolt11", "{\"unit\":\"sat\"}"));
    assertRefused(10000, wallet.post("/v1/checkstate", "{\"Ys\":[\"zz\"]}"));
    assertRefused(
        10000, wallet.post("/v1/melt/quote/bolt11", "{\"request\":\"hello\",\"unit\":\"sat\"}"));
    List<Coin> coins = wallet.mint(4);
    // 3 is not a denomination
    assertRefused(10000, wallet.post("/v1/swap", swapBody(coins, 3, 1)));
    ObjectNode badPoint = wallet.swapBody(coins, wallet.outputs(wallet.activeKeysetId(), 4));
    ((ObjectNode) badPoint.get("outputs").get(0)).put("B_", "02" + "00".repeat(32));
    assertRefused(10000, wallet.post("/v1/swap", badPoint));
    assertEquals(List.of("UNSPENT"), wallet.states(coins));
  }

  @Test
  void amountlessInvoiceIs11011() {
    ObjectNode body =
        TestWallet.JSON
            .createObjectNode()
            .put("request", "lnbcrt1" + "q".repeat(60))
            .put("unit", "sat");
    assertRefused(11011, wallet.post("/v1/melt/quote/bolt11", body));
  }

  @Test
  void unsupportedUnitIs11013() {
    ObjectNode body = TestWallet.JSON.createObjectNode().put("amount", 5).put("unit", "usd");
    assertRefused(11013, wallet.post("/v1/mint/quote/bolt11", body));
  }

  @Test
  void unknownQuoteIs20000() {
    assertRefused(20000, wallet.get("/v1/mint/quote/bolt11/no-such-quote"));
    assertRefused(20000, wallet.get("/v1/melt/quote/bolt11/no-such-quote"));
  }

  @Test
  void failedLightningPaymentIs20004AndReleasesTheInputs() {
    List<Coin> coins = wallet.mint(16);
    mint.control().setMeltOutcome(MeltOutcome.FAIL);
    JsonNode quote = meltQuote(mint.control().createInvoice(10));

    assertRefused(20004, wallet.post("/v1/melt/bolt11", meltBody(quote, coins)));
    assertEquals(
        "UNPAID",
        ok(wallet.get("/v1/melt/quote/bolt11/" + quote.get("quote").asText()))
            .get("state")
            .asText());
    assertEquals(List.of("UNSPENT"), wallet.states(coins));
  }

  @Test
  void meltingAPaidQuoteAgainIs20006() {
    List<Coin> coins = wallet.mint(32);
    JsonNode quote = meltQuote(mint.control().createInvoice(10));
    ok(wallet.post("/v1/melt/bolt11", meltBody(quote, coins)));

    assertRefused(20006, wallet.post("/v1/melt/bolt11", meltBody(quote, wallet.mint(16))));
  }

  // ---- helpers ----

  private static void assertRefused(int code, Reply reply) {
    assertEquals(
        400, reply.status(), () -> "expected a refusal with " + code + " but got " + reply);
    assertEquals(code, reply.code(), () -> "wrong code in " + reply.body());
    assertFalse(reply.body().path("detail").asText().isEmpty(), "a refusal explains itself");
  }

  private ObjectNode swapBody(List<Coin> inputs, long... amounts) {
    return wallet.swapBody(inputs, wallet.outputs(wallet.activeKeysetId(), amounts));
  }

  private static ObjectNode quoteBody(long amount) {
    return TestWallet.JSON.createObjectNode().put("amount", amount).put("unit", "sat");
  }

  private String quoteState(JsonNode quote) {
    return ok(wallet.get("/v1/mint/quote/bolt11/" + quote.get("quote").asText()))
        .get("state")
        .asText();
  }

  private JsonNode meltQuote(String invoice) {
    ObjectNode body = TestWallet.JSON.createObjectNode().put("request", invoice).put("unit", "sat");
    return ok(wallet.post("/v1/melt/quote/bolt11", body));
  }

  private static ObjectNode meltBody(JsonNode quote, List<Coin> inputs) {
    ObjectNode body = TestWallet.JSON.createObjectNode().put("quote", quote.get("quote").asText());
    body.set("inputs", TestWallet.json(new ArrayList<>(inputs)));
    return body;
  }
}
