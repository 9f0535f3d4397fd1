package org.openpleb.devmint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.devmint.TestWallet.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpleb.devmint.TestWallet.Coin;
import org.openpleb.devmint.TestWallet.Output;
import org.openpleb.devmint.crypto.KeysetId;
import org.openpleb.devmint.lightning.FakeLightning;

/** The happy paths of every NUT endpoint, over HTTP, against an in-process dev mint. */
class MintFlowTest {

  private DevMint mint;
  private TestWallet wallet;

  private void start(DevMintConfig config) {
    mint = DevMint.start(config);
    wallet = new TestWallet(mint.url());
  }

  @AfterEach
  void stop() {
    if (mint != null) {
      mint.close();
    }
  }

  @Test
  void infoAdvertisesTheNutsAndWarnsThatLightningIsFake() {
    start(DevMintConfig.defaults());
    assertTrue(mint.url().matches("http://127\\.0\\.0\\.1:\\d+"), mint.url());

    JsonNode info = ok(wallet.get("/v1/info"));

    assertTrue(info.get("motd").asText().contains("FAKE LIGHTNING — DEVELOPMENT ONLY"));
    assertTrue(info.get("description").asText().contains("DEVELOPMENT ONLY"));
    JsonNode nuts = info.get("nuts");
    for (String nut : List.of("4", "5")) {
      JsonNode method = nuts.get(nut).get("methods").get(0);
      assertEquals("bolt11", method.get("method").asText());
      assertEquals("sat", method.get("unit").asText());
      assertEquals(1, method.get("min_amount").asLong());
      assertTrue(method.get("max_amount").asLong() >= 1_000_000);
      assertFalse(nuts.get(nut).get("disabled").asBoolean());
    }
    for (String nut : List.of("7", "8", "9", "12")) {
      assertTrue(nuts.get(nut).get("supported").asBoolean(), "NUT-" + nut);
    }
  }

  @Test
  void keysetsHaveVersion2IdsAndAnInactiveKeysetWithItsOwnKeys() {
    start(DevMintConfig.defaults());

    JsonNode keysets = ok(wallet.get("/v1/keysets")).get("keysets");
    assertEquals(2, keysets.size());
    JsonNode active = ok(wallet.get("/v1/keys")).get("keysets");
    assertEquals(1, active.size(), "/v1/keys lists active keysets only");
    assertEquals(wallet.activeKeysetId(), active.get(0).get("id").asText());

    for (JsonNode summary : keysets) {
      String id = summary.get("id").asText();
      assertTrue(id.matches("01[0-9a-f]{64}"), id);
      assertEquals("sat", summary.get("unit").asText());
      assertEquals(0, summary.get("input_fee_ppk").asLong());
      JsonNode keyset = ok(wallet.get("/v1/keys/" + id)).get("keysets").get(0);
      assertEquals(summary.get("active").asBoolean(), keyset.get("active").asBoolean());
      assertEquals(id, recomputeId(keyset));
      assertTrue(keyset.get("keys").size() >= 21, "amounts 2^0 … 2^20 at least");
      long expected = 1;
      var names = keyset.get("keys").fieldNames();
      while (names.hasNext()) {
        assertEquals(Long.toString(expected), names.next());
        expected <<= 1;
      }
    }
    String inactive = wallet.inactiveKeysetId();
    assertNotEquals(wallet.keys(inactive).get(1L), wallet.keys(wallet.activeKeysetId()).get(1L));
  }

  @Test
  void sameSeedGivesSameKeysetIds() {
    start(DevMintConfig.defaults());
    List<String> first = mint.keysetIds();
    try (DevMint again = DevMint.start(DevMintConfig.defaults());
        DevMint other = DevMint.start(DevMintConfig.defaults().withSeed("another seed"))) {
      assertEquals(first, again.keysetIds());
      assertNotEquals(first, other.keysetIds());
    }
  }

  @Test
  void mintsPaidQuoteWithDleqOnEverySignature() {
    start(DevMintConfig.defaults());

    JsonNode quote = wallet.mintQuote(100);
    assertEquals("PAID", quote.get("state").asText(), "auto-pay without delay");
    assertEquals(100, quote.get("amount").asLong());
    assertEquals("sat", quote.get("unit").asText());
    assertTrue(quote.get("expiry").asLong() > System.currentTimeMillis() / 1000);
    String request = quote.get("request").asText();
    assertEquals("lnbcrt1u", request.substring(0, request.lastIndexOf('1')));
    assertEquals(100, FakeLightning.amountSats(request).getAsLong());

    List<Output> outputs = wallet.outputs(wallet.activeKeysetId(), 4, 32, 64);
    JsonNode reply =
        ok(wallet.post("/v1/mint/bolt11", wallet.mintBody(quote.get("quote").asText(), outputs)));
    List<Coin> coins = wallet.unblind(outputs, reply.get("signatures"));

    assertEquals(100, TestWallet.total(coins));
    String quoteId = quote.get("quote").asText();
    assertEquals(
        "ISSUED", ok(wallet.get("/v1/mint/quote/bolt11/" + quoteId)).get("state").asText());
    assertEquals(List.of("UNSPENT", "UNSPENT", "UNSPENT"), wallet.states(coins));
  }

  @Test
  void quoteWaitsForPaymentWhenAutoPayIsOff() {
    start(DevMintConfig.defaults().withAutoPay(false));
    JsonNode quote = wallet.mintQuote(21);
    String id = quote.get("quote").asText();
    assertEquals("UNPAID", quote.get("state").asText());

    mint.control().markQuotePaid(id);

    assertEquals("PAID", ok(wallet.get("/v1/mint/quote/bolt11/" + id)).get("state").asText());
    List<Output> outputs = wallet.outputs(wallet.activeKeysetId(), 1, 4, 16);
    ok(wallet.post("/v1/mint/bolt11", wallet.mintBody(id, outputs)));
  }

  @Test
  void autoPayAfterDelayFollowsTheMintClock() {
    start(DevMintConfig.defaults().withPayDelay(Duration.ofMinutes(5)));
    String id = wallet.mintQuote(8).get("quote").asText();
    assertEquals("UNPAID", ok(wallet.get("/v1/mint/quote/bolt11/" + id)).get("state").asText());

    mint.control().advanceClock(Duration.ofMinutes(5));

    assertEquals("PAID", ok(wallet.get("/v1/mint/quote/bolt11/" + id)).get("state").asText());
  }

  @Test
  void swapSpendsInputsAndSignsOutputs() {
    start(DevMintConfig.defaults());
    List<Coin> coins = wallet.mint(64);

    List<Coin> swapped = wallet.swap(coins, 1, 1, 2, 4, 8, 16, 32);

    assertEquals(64, TestWallet.total(swapped));
    assertEquals(List.of("SPENT"), wallet.states(coins));
    assertEquals(7, wallet.states(swapped).stream().filter("UNSPENT"::equals).count());
    // the new coins are real: they can be swapped again
    assertEquals(64, TestWallet.total(wallet.swap(swapped, 64)));
  }

  @Test
  void checkStateAnswersInRequestOrder() {
    start(DevMintConfig.defaults());
    List<Coin> coins = wallet.mint(3);
    wallet.swap(List.of(coins.get(1)), 2);

    assertEquals(List.of("UNSPENT", "SPENT"), wallet.states(coins));
    assertEquals(List.of("SPENT", "UNSPENT"), wallet.states(List.of(coins.get(1), coins.get(0))));
  }

  @Test
  void restoreReturnsSignaturesOfPreviouslySignedOutputsOnly() {
    start(DevMintConfig.defaults());
    JsonNode quote = wallet.mintQuote(13);
    List<Output> outputs = wallet.outputs(wallet.activeKeysetId(), 1, 4, 8);
    JsonNode minted =
        ok(wallet.post("/v1/mint/bolt11", wallet.mintBody(quote.get("quote").asText(), outputs)));
    List<Output> unknown = wallet.outputs(wallet.activeKeysetId(), 2);

    List<Output> asked = new ArrayList<>(List.of(outputs.get(2), unknown.get(0), outputs.get(0)));
    ObjectNode body = TestWallet.JSON.createObjectNode();
    body.set("outputs", TestWallet.json(asked));
    JsonNode restored = ok(wallet.post("/v1/restore", body));

    assertEquals(2, restored.get("outputs").size());
    assertEquals(2, restored.get("signatures").size());
    assertSameOutput(outputs.get(2), restored.get("outputs").get(0));
    assertSameOutput(outputs.get(0), restored.get("outputs").get(1));
    assertEquals(minted.get("signatures").get(2), restored.get("signatures").get(0));
    assertEquals(minted.get("signatures").get(0), restored.get("signatures").get(1));
    wallet.unblind(List.of(outputs.get(2), outputs.get(0)), restored.get("signatures"));
  }

  @Test
  void meltReturnsOverpaidFeeReserveAsChangeInOutputOrder() {
    start(DevMintConfig.defaults());
    List<Coin> coins = wallet.mint(200);
    String invoice = mint.control().createInvoice(100);
    JsonNode quote = meltQuote(invoice);
    assertEquals(100, quote.get("amount").asLong());
    assertEquals(2, quote.get("fee_reserve").asLong(), "max(2, 1%)");
    assertEquals("UNPAID", quote.get("state").asText());
    mint.control().setMeltActualFee(1);

    List<Output> blanks = wallet.outputs(wallet.activeKeysetId(), 0, 0, 0, 0, 0, 0, 0);
    JsonNode paid = ok(wallet.post("/v1/melt/bolt11", meltBody(quote, coins, blanks)));

    assertEquals("PAID", paid.get("state").asText());
    assertNotNull(paid.get("payment_preimage"));
    // 200 in, 100 paid, 1 routing fee: 99 back as 64, 32, 2, 1 on the first four blanks
    JsonNode change = paid.get("change");
    assertEquals(4, change.size());
    List<Coin> changeCoins = new ArrayList<>();
    long[] expected = {64, 32, 2, 1};
    for (int i = 0; i < change.size(); i++) {
      assertEquals(expected[i], change.get(i).get("amount").asLong());
      changeCoins.add(
          wallet.unblindOne(blanks.get(i), blanks.get(i).keysetId(), expected[i], change.get(i)));
    }
    assertEquals(List.of("SPENT"), wallet.states(List.of(coins.get(0))));
    assertEquals(99, TestWallet.total(wallet.swap(changeCoins, TestWallet.split(99))));
    JsonNode again = ok(wallet.get("/v1/melt/quote/bolt11/" + quote.get("quote").asText()));
    assertEquals("PAID", again.get("state").asText());
    assertEquals(change, again.get("change"));
  }

  @Test
  void totalsCountMintedMeltedAndPaidButNeverMintedSats() {
    start(DevMintConfig.defaults());
    List<Coin> coins = wallet.mint(200);
    wallet.mint(50);
    JsonNode unredeemed = wallet.mintQuote(30);
    assertEquals(
        "PAID",
        ok(wallet.get("/v1/mint/quote/bolt11/" + unredeemed.get("quote").asText()))
            .get("state")
            .asText());
    mint.control().setMeltActualFee(1);
    JsonNode quote = meltQuote(mint.control().createInvoice(100));
    List<Output> blanks = wallet.outputs(wallet.activeKeysetId(), 0, 0, 0, 0, 0, 0, 0);
    ok(wallet.post("/v1/melt/bolt11", meltBody(quote, coins, blanks)));

    JsonNode totals = ok(wallet.post("/dev/totals", "{}"));

    assertEquals(250, totals.get("mintedSats").asLong());
    assertEquals(2, totals.get("mintedQuotes").asLong());
    assertEquals(30, totals.get("paidUnissuedSats").asLong());
    assertEquals(1, totals.get("paidUnissuedQuotes").asLong());
    // the unminted invoice itself, so a test can tell whether its wallet ever handed it out
    assertEquals(1, totals.get("paidUnissued").size());
    assertEquals(
        unredeemed.get("request").asText(),
        totals.get("paidUnissued").get(0).get("invoice").asText());
    assertEquals(30, totals.get("paidUnissued").get(0).get("amount").asLong());
    assertFalse(totals.get("paidUnissued").get(0).has("quote"));
    // 200 in, 99 back as change: 100 paid and 1 routing fee left the mint
    assertEquals(101, totals.get("meltedSats").asLong());
    assertEquals(1, totals.get("meltsPaid").asLong());
    assertEquals(0, totals.get("pendingMeltSats").asLong());
    assertEquals(149, totals.get("circulatingSats").asLong());
  }

  @Test
  void meltOfAForeignInvoiceUsesTheAmountInItsPrefix() {
    start(DevMintConfig.defaults());
    // any BOLT11-shaped invoice will do; the amount is read from the prefix (2500u = 250 000 sat)
    String foreign =
        "lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh";
    JsonNode quote = meltQuote(foreign);
    assertEquals(250_000, quote.get("amount").asLong());
    assertEquals(2_500, quote.get("fee_reserve").asLong());
  }

  @Test
  void meltOfOwnMintQuoteInvoicePaysThatQuote() {
    start(DevMintConfig.defaults().withAutoPay(false));
    JsonNode mintQuote = wallet.mintQuote(10);
    mint.control().setAutoPay(true);
    List<Coin> coins = wallet.mint(16);

    JsonNode meltQuote = meltQuote(mintQuote.get("request").asText());
    ok(wallet.post("/v1/melt/bolt11", meltBody(meltQuote, coins, List.of())));

    String id = mintQuote.get("quote").asText();
    assertEquals("PAID", ok(wallet.get("/v1/mint/quote/bolt11/" + id)).get("state").asText());
  }

  @Test
  void inputFeeOf100PpkIsChargedPerInputRoundedUp() {
    start(DevMintConfig.defaults().withInputFeePpk(100));
    JsonNode summary = ok(wallet.get("/v1/keysets")).get("keysets").get(1);
    assertEquals(100, summary.get("input_fee_ppk").asLong());
    JsonNode keyset = ok(wallet.get("/v1/keys")).get("keysets").get(0);
    assertEquals(keyset.get("id").asText(), recomputeId(keyset), "fee is part of the V2 id");

    List<Coin> three = wallet.mint(7); // 1 + 2 + 4: 300 ppk → 1 sat
    TestWallet.Reply unbalanced = wallet.post("/v1/swap", swapBody(three, 1, 2, 4));
    assertEquals(11005, unbalanced.code(), "inputs 7 - fee 1 != outputs 7");
    List<Coin> six = wallet.swap(three, 1, 1, 1, 1, 2);
    assertEquals(6, TestWallet.total(six));

    List<Coin> eleven = wallet.swap(wallet.mint(11), 1, 1, 1, 1, 1, 1, 1, 1, 1, 1); // 3 inputs → 1
    assertEquals(10, TestWallet.total(eleven));
    // 10 inputs → 1000 ppk → exactly 1 sat; 11 inputs would be 2
    assertEquals(9, TestWallet.total(wallet.swap(eleven, 1, 8)));
  }

  @Test
  void zeroFeeSwapIsExactlyBalanced() {
    start(DevMintConfig.defaults());
    List<Coin> coins = wallet.mint(5);
    assertEquals(5, TestWallet.total(wallet.swap(coins, 1, 4)));
  }

  @Test
  void rotatedKeysetRefusesOutputsButItsProofsStaySpendable() {
    start(DevMintConfig.defaults());
    String oldId = wallet.activeKeysetId();
    List<Coin> oldCoins = wallet.mint(12);

    String newId = mint.control().rotateKeyset(100);

    assertNotEquals(oldId, newId);
    assertEquals(newId, wallet.activeKeysetId());
    assertEquals(3, ok(wallet.get("/v1/keysets")).get("keysets").size());
    JsonNode keys = ok(wallet.get("/v1/keys")).get("keysets");
    assertEquals(1, keys.size());
    assertEquals(100, keys.get(0).get("input_fee_ppk").asLong());
    assertEquals(newId, recomputeId(keys.get(0)));

    List<Output> toOld = wallet.outputs(oldId, 4, 8);
    TestWallet.Reply refused = wallet.post("/v1/swap", wallet.swapBody(oldCoins, toOld));
    assertEquals(400, refused.status());
    assertEquals(12002, refused.code());

    // old inputs (fee 0) into the new keyset
    List<Coin> moved = wallet.swap(oldCoins, 4, 8);
    assertEquals(newId, moved.get(0).keysetId());
    assertEquals(List.of("SPENT", "SPENT"), wallet.states(oldCoins));
  }

  private static void assertSameOutput(Output expected, JsonNode actual) {
    assertEquals(expected.amount(), actual.get("amount").asLong());
    assertEquals(expected.keysetId(), actual.get("id").asText());
    assertEquals(expected.toJson().get("B_").asText(), actual.get("B_").asText());
  }

  private ObjectNode swapBody(List<Coin> inputs, long... amounts) {
    return wallet.swapBody(inputs, wallet.outputs(wallet.activeKeysetId(), amounts));
  }

  private JsonNode meltQuote(String invoice) {
    ObjectNode body = TestWallet.JSON.createObjectNode().put("request", invoice).put("unit", "sat");
    return ok(wallet.post("/v1/melt/quote/bolt11", body));
  }

  private static ObjectNode meltBody(JsonNode quote, List<Coin> inputs, List<Output> blanks) {
    ObjectNode body = TestWallet.JSON.createObjectNode().put("quote", quote.get("quote").asText());
    body.set("inputs", TestWallet.json(inputs));
    body.set("outputs", TestWallet.json(blanks));
    return body;
  }

  private static String recomputeId(JsonNode keyset) {
    SortedMap<BigInteger, String> keys = new TreeMap<>();
    keyset
        .get("keys")
        .properties()
        .forEach(e -> keys.put(new BigInteger(e.getKey()), e.getValue().asText()));
    return KeysetId.v2(
        keys, keyset.get("unit").asText(), keyset.get("input_fee_ppk").asLong(), null);
  }
}
