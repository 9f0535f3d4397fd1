package org.openpleb.cashu.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpleb.cashu.store.OperationKind;

/**
 * The typed journal payloads write the one JSON shape wallet files have always held, so a file
 * journaled by an earlier version opens and recovers.
 */
class JournalPayloadTest {

  private static final JournalOutput OUT =
      new JournalOutput(OutputRole.RESERVE, 8, "00ab", 7, "s1", "r1", "B1");
  private static final JournalInput IN =
      new JournalInput(4, "00ab", "s0", "C0", null, null, null, null, "Y0");

  @Test
  void aMintIsStoredInTheEarlierShapeAndIndexedByItsQuote() {
    JournalPayload.Mint mint = new JournalPayload.Mint("q1", 8, List.of(OUT), "escrow");
    assertEquals(OperationKind.MINT, mint.kind());
    assertEquals("q1", mint.quoteKey());
    assertEquals(
        "{\"quote\":\"q1\",\"amount\":8,\"inputs\":[],\"outputs\":[{\"role\":\"RESERVE\","
            + "\"amount\":8,\"keysetId\":\"00ab\",\"counter\":7,\"secret\":\"s1\",\"r\":\"r1\","
            + "\"blinded\":\"B1\"}],\"owner\":\"escrow\",\"fee\":0}",
        mint.entry().toJson());
  }

  @Test
  void aSendOfExactProofsKeepsItsTokenAndMemo() {
    JournalPayload.Send send =
        new JournalPayload.Send(4, List.of(IN), null, null, "cashuB...", "hi", 0);
    assertNull(send.quoteKey());
    assertEquals(
        "{\"amount\":4,\"inputs\":[{\"amount\":4,\"keysetId\":\"00ab\",\"secret\":\"s0\","
            + "\"c\":\"C0\",\"witness\":null,\"dleqE\":null,\"dleqS\":null,\"r\":null,"
            + "\"y\":\"Y0\"}],\"outputs\":[],\"token\":\"cashuB...\","
            + "\"memo\":\"hi\",\"fee\":0}",
        send.entry().toJson());
  }

  @Test
  void anEntryWrittenByAnEarlierVersionReadsBack() {
    String stored =
        "{\"amount\":3,\"inputs\":[{\"amount\":4,\"keysetId\":\"00ab\",\"secret\":\"s0\","
            + "\"c\":\"C0\",\"witness\":null,\"dleqE\":null,\"dleqS\":null,\"r\":null,"
            + "\"y\":\"Y0\"}],\"outputs\":[],\"sendOp\":\"op-1\",\"fee\":1}";
    JournalEntry e = JournalEntry.fromJson(stored);
    assertEquals(new JournalPayload.Reclaim(3, List.of(IN), List.of(), "op-1", 1).entry(), e);
    assertEquals(stored, e.toJson());
  }
}
