package org.openpleb.devmint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.devmint.TestWallet.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpleb.devmint.TestWallet.Coin;
import org.openpleb.devmint.TestWallet.Output;
import org.openpleb.devmint.TestWallet.Reply;
import org.openpleb.devmint.lightning.FakeLightning;

/**
 * The fault knobs a wallet's recovery code is tested with: injected 500s, commits whose answer
 * never arrives (timeout or dropped connection), slow answers and the melt outcomes.
 */
class FaultKnobsTest {

  private static final Duration SHORT = Duration.ofMillis(300);

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
  void failNextAnswers500AndChangesNothing() {
    JsonNode quote = wallet.mintQuote(4);
    ObjectNode body =
        wallet.mintBody(quote.get("quote").asText(), wallet.outputs(wallet.activeKeysetId(), 4));

    mint.control().failNextRequests(2);

    assertEquals(500, wallet.post("/v1/mint/bolt11", body).status());
    assertEquals(500, wallet.get("/v1/info").status());
    assertEquals("PAID", quoteState(quote), "the failed mint changed nothing");
    // the very same request now succeeds: its outputs were never signed
    assertEquals(1, ok(wallet.post("/v1/mint/bolt11", body)).get("signatures").size());
  }

  @Test
  void swapCommittedThenTimedOutAnswersTheRetryWith11003() throws Exception {
    List<Coin> coins = wallet.mint(8);
    List<Output> outputs = wallet.outputs(wallet.activeKeysetId(), 4, 4);
    ObjectNode body = wallet.swapBody(coins, outputs);

    mint.control().commitNextThenTimeout(Duration.ofSeconds(5));

    assertThrows(HttpTimeoutException.class, () -> wallet.postRaw("/v1/swap", body, SHORT));
    Reply retry = wallet.post("/v1/swap", body);
    assertEquals(11003, retry.code(), () -> retry.toString());
    assertEquals(List.of("SPENT"), wallet.states(coins));
    assertEquals(8, TestWallet.total(restore(outputs)));
  }

  @Test
  void mintCommittedThenTimedOutAnswersTheRetryWith20002() throws Exception {
    JsonNode quote = wallet.mintQuote(2);
    List<Output> outputs = wallet.outputs(wallet.activeKeysetId(), 2);
    ObjectNode body = wallet.mintBody(quote.get("quote").asText(), outputs);

    mint.control().commitNextThenTimeout(Duration.ofSeconds(5));

    assertThrows(HttpTimeoutException.class, () -> wallet.postRaw("/v1/mint/bolt11", body, SHORT));
    assertEquals(20002, wallet.post("/v1/mint/bolt11", body).code());
    assertEquals("ISSUED", quoteState(quote));
    assertEquals(2, TestWallet.total(restore(outputs)));
  }

  @Test
  void swapCommittedThenDroppedLeavesOnlyRestore() throws Exception {
    List<Coin> coins = wallet.mint(2);
    List<Output> outputs = wallet.outputs(wallet.activeKeysetId(), 1, 1);
    ObjectNode body = wallet.swapBody(coins, outputs);

    mint.control().commitNextThenDrop();

    IOException dropped =
        assertThrows(
            IOException.class, () -> wallet.postRaw("/v1/swap", body, Duration.ofSeconds(10)));
    assertFalse(dropped instanceof HttpTimeoutException, "the connection closed, no timeout");
    assertEquals(11003, wallet.post("/v1/swap", body).code());
    assertEquals(2, TestWallet.total(restore(outputs)));
    // the fault fires once
    assertEquals(2, TestWallet.total(wallet.swap(restore(outputs), 2)));
  }

  @Test
  void meltCommittedThenDroppedIsPaid() throws Exception {
    List<Coin> coins = wallet.mint(16);
    JsonNode quote = meltQuote(mint.control().createInvoice(8));

    mint.control().commitNextThenDrop();

    assertThrows(
        IOException.class,
        () -> wallet.postRaw("/v1/melt/bolt11", meltBody(quote, coins, List.of()), SHORT));
    assertEquals("PAID", meltState(quote));
    assertEquals(20006, wallet.post("/v1/melt/bolt11", meltBody(quote, coins, List.of())).code());
  }

  @Test
  void responseDelayHoldsEveryAnswer() {
    mint.control().setResponseDelay(Duration.ofMillis(400));
    long started = System.nanoTime();
    ok(wallet.get("/v1/keysets"));
    assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 400);
    assertThrows(
        HttpTimeoutException.class,
        () -> wallet.postRaw("/v1/checkstate", Map.of("Ys", List.of()), Duration.ofMillis(100)));

    mint.control().reset();

    ok(wallet.post("/v1/checkstate", Map.of("Ys", List.of()), Duration.ofMillis(2000)));
  }

  @Test
  void pendingMeltKeepsInputsPendingUntilSettled() {
    List<Coin> coins = wallet.mint(32);
    mint.control().setMeltOutcome(MeltOutcome.PENDING);
    JsonNode quote = meltQuote(mint.control().createInvoice(20));
    List<Output> blanks = wallet.outputs(wallet.activeKeysetId(), 0, 0, 0, 0);

    JsonNode pending = ok(wallet.post("/v1/melt/bolt11", meltBody(quote, coins, blanks)));

    assertEquals("PENDING", pending.get("state").asText());
    assertEquals(List.of("PENDING"), wallet.states(coins));
    assertEquals("PENDING", meltState(quote));

    mint.control().settlePendingMelts(true);

    assertEquals(List.of("SPENT"), wallet.states(coins));
    JsonNode paid = ok(wallet.get("/v1/melt/quote/bolt11/" + id(quote)));
    assertEquals("PAID", paid.get("state").asText());
    // 32 in, 20 paid, no routing fee: 12 back as 8 + 4
    assertEquals(2, paid.get("change").size());
    assertEquals(8, paid.get("change").get(0).get("amount").asLong());
    assertEquals(4, paid.get("change").get(1).get("amount").asLong());
    ObjectNode restoreBody = TestWallet.JSON.createObjectNode();
    restoreBody.set("outputs", TestWallet.json(blanks));
    assertEquals(2, ok(wallet.post("/v1/restore", restoreBody)).get("signatures").size());
  }

  @Test
  void pendingMeltThatFailsReleasesTheInputs() {
    List<Coin> coins = wallet.mint(32);
    mint.control().setMeltOutcome(MeltOutcome.PENDING);
    JsonNode quote = meltQuote(mint.control().createInvoice(20));
    ok(wallet.post("/v1/melt/bolt11", meltBody(quote, coins, List.of())));

    mint.control().settlePendingMelts(false);

    assertEquals(List.of("UNSPENT"), wallet.states(coins));
    assertEquals("UNPAID", meltState(quote));
    mint.control().reset();
    JsonNode paid = ok(wallet.post("/v1/melt/bolt11", meltBody(quote, coins, List.of())));
    assertEquals("PAID", paid.get("state").asText());
  }

  @Test
  void controlPathsOverHttpDriveTheSameKnobs() throws Exception {
    // invoice, fail_next (control paths themselves never fail)
    JsonNode invoice = ok(wallet.post("/dev/invoice", Map.of("amount", 21)));
    assertEquals(21, FakeLightning.amountSats(invoice.get("request").asText()).getAsLong());
    ok(wallet.post("/dev/faults", Map.of("fail_next", 1)));
    assertEquals(500, wallet.get("/v1/keysets").status());
    ok(wallet.get("/v1/keysets"));

    // auto_pay off, then pay by hand
    ok(wallet.post("/dev/faults", Map.of("auto_pay", false)));
    JsonNode quote = wallet.mintQuote(32);
    assertEquals("UNPAID", quote.get("state").asText());
    ok(wallet.post("/dev/quotes/" + id(quote) + "/pay", Map.of()));
    assertEquals("PAID", quoteState(quote));
    List<Output> outputs = wallet.outputs(wallet.activeKeysetId(), 32);
    List<Coin> coins =
        wallet.unblind(
            outputs,
            ok(wallet.post("/v1/mint/bolt11", wallet.mintBody(id(quote), outputs)))
                .get("signatures"));

    // melt outcome PENDING, then settle
    ok(wallet.post("/dev/faults", Map.of("melt_outcome", "PENDING")));
    JsonNode melt = meltQuote(invoice.get("request").asText());
    assertEquals(
        "PENDING",
        ok(wallet.post("/v1/melt/bolt11", meltBody(melt, coins, List.of()))).get("state").asText());
    ok(wallet.post("/dev/melts/settle", Map.of("success", true)));
    assertEquals("PAID", meltState(melt));

    // commit then drop, commit then timeout, delay, reset
    ok(wallet.post("/dev/faults", Map.of("commit_then_drop", true)));
    ok(wallet.post("/dev/faults", Map.of("reset", true)));
    List<Coin> more = mintWithAutoPay(4);
    ok(wallet.post("/dev/faults", Map.of("commit_then_timeout_ms", 5000)));
    assertThrows(
        HttpTimeoutException.class,
        () ->
            wallet.postRaw(
                "/v1/swap",
                wallet.swapBody(more, wallet.outputs(wallet.activeKeysetId(), 4)),
                SHORT));
    ok(wallet.post("/dev/faults", Map.of("delay_ms", 300)));
    long started = System.nanoTime();
    ok(wallet.get("/v1/info"));
    assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 300);
    ok(wallet.post("/dev/faults", Map.of("reset", true)));

    // rotation and the clock
    String rotated =
        ok(wallet.post("/dev/keysets/rotate", Map.of("input_fee_ppk", 100))).get("id").asText();
    assertEquals(rotated, wallet.activeKeysetId());
    ok(wallet.post("/dev/faults", Map.of("auto_pay", false)));
    JsonNode expiring = wallet.mintQuote(4);
    ok(wallet.post("/dev/clock/advance", Map.of("seconds", 7200)));
    assertEquals(
        20007,
        wallet
            .post("/v1/mint/bolt11", wallet.mintBody(id(expiring), wallet.outputs(rotated, 4)))
            .code());

    // mistakes
    assertEquals(404, wallet.post("/dev/nothing-here", Map.of()).status());
    assertEquals(405, wallet.get("/dev/invoice").status());
    assertEquals(400, wallet.post("/dev/quotes/no-such-quote/pay", Map.of()).status());
    assertEquals(400, wallet.post("/dev/faults", Map.of("melt_outcome", "MAYBE")).status());
  }

  private List<Coin> mintWithAutoPay(long amount) {
    mint.control().setAutoPay(true);
    return wallet.mint(amount);
  }

  private List<Coin> restore(List<Output> outputs) {
    ObjectNode body = TestWallet.JSON.createObjectNode();
    body.set("outputs", TestWallet.json(outputs));
    return wallet.unblind(outputs, ok(wallet.post("/v1/restore", body)).get("signatures"));
  }

  private static String id(JsonNode quote) {
    return quote.get("quote").asText();
  }

  private String quoteState(JsonNode quote) {
    return ok(wallet.get("/v1/mint/quote/bolt11/" + id(quote))).get("state").asText();
  }

  private String meltState(JsonNode quote) {
    return ok(wallet.get("/v1/melt/quote/bolt11/" + id(quote))).get("state").asText();
  }

  private JsonNode meltQuote(String invoice) {
    ObjectNode body = TestWallet.JSON.createObjectNode().put("request", invoice).put("unit", "sat");
    return ok(wallet.post("/v1/melt/quote/bolt11", body));
  }

  private static ObjectNode meltBody(JsonNode quote, List<Coin> inputs, List<Output> blanks) {
    ObjectNode body = TestWallet.JSON.createObjectNode().put("quote", id(quote));
    body.set("inputs", TestWallet.json(new ArrayList<>(inputs)));
    if (!blanks.isEmpty()) {
      body.set("outputs", TestWallet.json(blanks));
    }
    return body;
  }
}
