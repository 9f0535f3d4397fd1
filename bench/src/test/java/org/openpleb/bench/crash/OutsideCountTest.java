package org.openpleb.bench.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpleb.bench.crash.OutsideCount.Row;

/** Where the outside count puts each proof, and the difference it leaves. */
class OutsideCountTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode circulating(long sats) {
    return JSON.createObjectNode().put("circulatingSats", sats);
  }

  private static OutsideCount count(
      Map<String, Row> rows,
      Map<String, Long> client,
      Map<String, String> states,
      long circulating) {
    return OutsideCount.count(
        1, rows.size(), 0, 0, 0, 0, rows, client, states, circulating(circulating));
  }

  @Test
  void everyUnspentProofHasOnePlaceAndTheDifferenceIsZero() {
    Map<String, Row> rows =
        Map.of(
            "ready", new Row(8, "ready"),
            "escrow", new Row(16, "reserved"),
            "withdrawn", new Row(4, "inflight"),
            "received", new Row(32, "spent"),
            "melting", new Row(2, "inflight"));
    Map<String, String> states =
        Map.of(
            "ready", "UNSPENT",
            "escrow", "UNSPENT",
            "withdrawn", "UNSPENT",
            "received", "SPENT",
            "melting", "PENDING");

    OutsideCount c = count(rows, Map.of("withdrawn", 4L), states, 8 + 16 + 4 + 2);

    assertEquals(24, c.serverHeldSats());
    assertEquals(4, c.clientHeldSats());
    assertEquals(2, c.pendingSats());
    assertEquals(0, c.stuckSats());
    assertEquals(0, c.wrongStateProofs());
    assertEquals(0, c.differenceSats());
  }

  @Test
  void aSentTokenNoClientHoldsIsStuck() {
    Map<String, Row> rows = Map.of("ready", new Row(8, "ready"), "lost", new Row(64, "inflight"));
    Map<String, String> states = Map.of("ready", "UNSPENT", "lost", "UNSPENT");

    OutsideCount c = count(rows, Map.of(), states, 72);

    assertEquals(64, c.stuckSats());
    assertEquals(1, c.stuckProofs());
    assertEquals(0, c.differenceSats(), "stuck sats are accounted for, not missing");
  }

  @Test
  void ecashTheMintIssuedThatNoWalletKnowsIsADifference() {
    Map<String, Row> rows = Map.of("ready", new Row(8, "ready"));

    OutsideCount c = count(rows, Map.of(), Map.of("ready", "UNSPENT"), 8 + 128);

    assertEquals(128, c.differenceSats());
  }

  @Test
  void aReadyProofSpentAtTheMintIsFlaggedAndNotCounted() {
    Map<String, Row> rows = Map.of("ghost", new Row(16, "ready"), "ready", new Row(8, "ready"));

    OutsideCount c = count(rows, Map.of(), Map.of("ghost", "SPENT", "ready", "UNSPENT"), 8);

    assertEquals(1, c.wrongStateProofs());
    assertEquals(16, c.wrongStateSats());
    assertEquals(8, c.serverHeldSats());
    assertEquals(0, c.differenceSats());
  }

  @Test
  void aClientTokenRedeemedBehindTheClientsBackIsNotHeld() {
    Map<String, Row> rows = Map.of("token", new Row(4, "inflight"), "back", new Row(4, "ready"));

    OutsideCount c =
        count(rows, Map.of("token", 4L), Map.of("token", "SPENT", "back", "UNSPENT"), 4);

    assertEquals(0, c.clientHeldSats());
    assertEquals(4, c.clientTokensSpentSats());
    assertEquals(4, c.serverHeldSats());
    assertEquals(0, c.differenceSats());
  }

  @Test
  void theReconciliationDifferenceIsFoundWhereverTheAnswerPutsIt() throws Exception {
    assertEquals(
        -3,
        CrashMain.findDifference(
                JSON.readTree("{\"total\":{\"differenceSats\":-3},\"wallets\":[]}"))
            .asLong());
    assertEquals(0, CrashMain.findDifference(JSON.readTree("{\"difference\":0}")).asLong());
    assertEquals(null, CrashMain.findDifference(JSON.readTree("{\"ok\":true}")));
  }
}
