package org.openpleb.bench.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which paid and never minted quotes the crash test counts as lost. */
class UnmintedQuotesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode totals(Object... invoiceAmountPairs) {
    ObjectNode totals = JSON.createObjectNode();
    ArrayNode list = totals.putArray("paidUnissued");
    for (int i = 0; i < invoiceAmountPairs.length; i += 2) {
      list.addObject()
          .put("invoice", (String) invoiceAmountPairs[i])
          .put("amount", (Long) invoiceAmountPairs[i + 1]);
    }
    return totals;
  }

  @Test
  void aRecordedInvoicePaidAndNeverMintedIsALoss() {
    UnmintedQuotes q =
        UnmintedQuotes.of(totals("lnbcrt1a", 5389L, "lnbcrt1b", 70L), Set.of("lnbcrt1a"), 1);

    assertEquals(1, q.recordedQuotes());
    assertEquals(5389, q.recordedSats());
    assertEquals(1, q.unseenQuotes());
    assertEquals(70, q.unseenSats());
    assertFalse(q.noneLost());
    assertTrue(q.unseenExplained());
  }

  @Test
  void anInvoiceTheServerNeverRecordedNeedsARowLeftWithoutAnswer() {
    JsonNode paid = totals("lnbcrt1c", 5389L);

    UnmintedQuotes explained = UnmintedQuotes.of(paid, Set.of("lnbcrt1other"), 1);
    UnmintedQuotes unexplained = UnmintedQuotes.of(paid, Set.of("lnbcrt1other"), 0);

    assertTrue(explained.noneLost());
    assertTrue(explained.unseenExplained());
    assertEquals(5389, explained.unseenSats());
    assertTrue(unexplained.noneLost());
    assertFalse(unexplained.unseenExplained());
  }

  @Test
  void nothingPaidAndUnmintedPassesBoth() {
    UnmintedQuotes q = UnmintedQuotes.of(totals(), Set.of("lnbcrt1a"), 0);

    assertTrue(q.noneLost());
    assertTrue(q.unseenExplained());
    assertEquals(0, q.unseenSats() + q.recordedSats());
  }
}
