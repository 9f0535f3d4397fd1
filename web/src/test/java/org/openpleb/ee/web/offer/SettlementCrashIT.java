package org.openpleb.ee.web.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.ee.web.offer.TradeClient.JSON;
import static org.openpleb.ee.web.offer.TradeClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.settlement.SettlementProbe;
import org.openpleb.ee.web.custody.ReconciledAtEnd;
import org.openpleb.ee.web.offer.TradeClient.Session;

/**
 * Kills the server in the middle of a settlement, at every point between its records and its wallet
 * calls, and starts it again on the same database and wallet files: the restarted server's sweeper
 * resumes the saga, the worked example pays out to the sat, no token is left unredeemed and the
 * conservation check passes. Runs its own Payara Micro process (Arquillian cannot kill and restart
 * one). Its server works in a database schema of its own, so the offers other IT classes leave in
 * the shared database never come due under it.
 */
class SettlementCrashIT {

  private static final long FIAT = 100_000;
  private static final long B = 7_167;

  private static final Books BOOKS = new Books();

  private static IsolatedSchema schema;
  private static PayaraProcess server;
  private static Path plan;

  @BeforeAll
  static void startServer() throws Exception {
    Path data = TradeClient.dataDir();
    String mintUrl = TradeMint.start(data);
    plan = data.resolve("crash-plan");
    // named ROOT.war so that Payara Micro serves it at /
    Path war = Files.createDirectories(data.resolve("crash-war")).resolve("ROOT.war");
    TradeClient.deployment(
            mintUrl,
            data,
            "OFFER_SWEEP_INTERVAL=500\nOFFER_SETTLEMENT_LEASE=3\n"
                + CrashingProbe.PLAN
                + "="
                + plan
                + "\n",
            CrashingProbe.class)
        .as(ZipExporter.class)
        .exportTo(war.toFile(), true);
    schema = IsolatedSchema.create("settlement_crash");
    server = new PayaraProcess(war, data.resolve("payara"), schema.environment());
    server.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
    if (schema != null) {
      schema.close();
    }
  }

  /**
   * A step that died SENT keeps its token for the resumed saga: in the database it must be sealed,
   * never a Cashu token anyone with read access could redeem.
   */
  private static void assertTokensSealedAtRest(String offerId) throws Exception {
    List<String> tokens = new ArrayList<>();
    try (Connection db = schema.connect();
        PreparedStatement select =
            db.prepareStatement(
                "SELECT token FROM settlement_steps WHERE offer_id = ? AND token IS NOT NULL")) {
      select.setString(1, offerId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          tokens.add(rows.getString(1));
        }
      }
    }
    assertEquals(1, tokens.size(), "the step that died SENT keeps its token");
    assertTrue(tokens.get(0).startsWith("sealed1:"), "the token is sealed at rest");
    assertFalse(tokens.get(0).contains("cashu"), "no Cashu token in plain text");
  }

  @Test
  void aSettlementKilledAtAnyPointCompletesAfterRestart() throws Exception {
    for (SettlementProbe.Point point :
        List.of(
            SettlementProbe.Point.SENDING_RECORDED,
            SettlementProbe.Point.TOKEN_MADE,
            SettlementProbe.Point.SENT_RECORDED,
            SettlementProbe.Point.RECEIVED)) {
      TradeClient api = new TradeClient(server.base());
      Session maker = api.login();
      Session taker = api.login();
      String id = api.fundedOffer(maker, FIAT, BOOKS);
      api.deposit(taker, B, BOOKS);
      api.claim(taker, id);
      assertEquals(201, api.postReceipt(taker, id).statusCode());
      Files.writeString(plan, point.name(), StandardCharsets.UTF_8);

      assertThrows(
          IOException.class,
          () ->
              api.post(
                  "api/offers/" + id + "/feedback",
                  maker.token(),
                  JSON.createObjectNode().put("verdict", "APPROVE").toString()),
          "the server dies at " + point);
      server.awaitDeath(Duration.ofSeconds(30));
      assertFalse(Files.exists(plan), "the crash plan was used");
      if (point == SettlementProbe.Point.SENT_RECORDED) {
        assertTokensSealedAtRest(id);
      }
      server.start();

      JsonNode settled =
          api.await(
              "api/offers/" + id,
              maker.token(),
              d -> "DONE".equals(d.path("settlement").path("state").asText()),
              Duration.ofSeconds(60));

      assertEquals("COMPLETED", settled.path("status").asText());
      assertEquals(75_268, api.wallet(taker).path("spendable").asLong(), point::name);
      assertEquals(0, api.wallet(taker).path("reserved").asLong(), point::name);
      assertEquals(7_167, api.wallet(maker).path("spendable").asLong(), point::name);
      assertEquals(0, api.wallet(maker).path("reserved").asLong(), point::name);
      for (JsonNode step : api.support("GET", "steps?offer=" + id)) {
        assertEquals("DONE", step.path("state").asText(), step::toString);
        assertEquals("0", step.path("has_token").asText(), "no token is kept once received");
      }
      List<String> actions = new ArrayList<>();
      json(api.get("api/offers/" + id + "/audit", maker.token()))
          .path("entries")
          .forEach(e -> actions.add(e.path("action").asText()));
      assertEquals(1, actions.stream().filter("SETTLED"::equals).count(), actions::toString);
      Books.Balance books = BOOKS.check(api);
      assertEquals(0, books.unredeemedTokens(), () -> point + ": a settlement token was stranded");
      // the server's own reconciliation agrees: its schema and wallet folder are its alone, so
      // the report is balanced outright
      JsonNode reconciled = ReconciledAtEnd.reconcile(server.base());
      assertTrue(
          reconciled.path("balanced").asBoolean(),
          () -> point + ": " + reconciled.toPrettyString());
    }
  }
}
