package org.openpleb.ee.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-offer audit log's canonical entries and hash chain. */
class AuditChainTest {

  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T12:00:00.123456+02:00");

  private static List<AuditChain.Link> chainOf(List<AuditEntry> entries) {
    List<AuditChain.Link> links = new ArrayList<>();
    String previous = AuditChain.GENESIS;
    for (AuditEntry e : entries) {
      String hash = AuditChain.link(previous, e.canonical());
      links.add(new AuditChain.Link(e.seq(), e.canonical(), previous, hash));
      previous = hash;
    }
    return links;
  }

  private static List<AuditEntry> trade() {
    return List.of(
        new AuditEntry(
            "o1", 1, T0, "maker:ab", "CREATE", null, OfferState.CREATED, Map.of("sats", "66667")),
        new AuditEntry(
            "o1",
            2,
            T0.plusSeconds(5),
            "maker:ab",
            "FUND",
            OfferState.CREATED,
            OfferState.INVOICE_PAID,
            Map.of()),
        new AuditEntry(
            "o1",
            3,
            T0.plusSeconds(9),
            "taker:cd",
            "CLAIM",
            OfferState.INVOICE_PAID,
            OfferState.CLAIMED,
            Map.of("bond", "7167")));
  }

  @Test
  void theCanonicalTextHasSortedKeysUtcTimeAndNoWhitespace() {
    AuditEntry entry =
        new AuditEntry(
            "o1",
            1,
            T0,
            "maker:ab",
            "CREATE",
            null,
            OfferState.CREATED,
            Map.of("sats", "66667", "funding", "76035"));

    assertEquals(
        "{\"action\":\"CREATE\",\"actor\":\"maker:ab\",\"at\":\"2026-03-01T10:00:00.123456Z\","
            + "\"facts\":{\"funding\":\"76035\",\"sats\":\"66667\"},\"from\":null,"
            + "\"offerId\":\"o1\",\"seq\":1,\"to\":\"CREATED\"}",
        entry.canonical());
  }

  @Test
  void stringsAreEscapedAsJsonStringifyDoes() {
    AuditEntry entry =
        new AuditEntry(
            "o1",
            1,
            T0,
            "admin:x",
            "RESOLVE",
            OfferState.DISPUTED,
            OfferState.RESOLVED,
            Map.of("reason", "a\"b\\c\nd\u0001é/\uD800"));

    String canonical = entry.canonical();

    assertTrue(canonical.contains("\"reason\":\"a\\\"b\\\\c\\nd\\u0001é/\\ud800\""), canonical);
  }

  @Test
  void theFirstLinkHashesThirtyTwoZeroBytesThenTheText() throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    sha256.update(new byte[32]);
    sha256.update("{\"é\":1}".getBytes(StandardCharsets.UTF_8));

    assertEquals(
        HexFormat.of().formatHex(sha256.digest()),
        AuditChain.link(AuditChain.GENESIS, "{\"é\":1}"));
    assertNotEquals(
        AuditChain.link(AuditChain.GENESIS, "{}"), AuditChain.link(AuditChain.GENESIS, "{ }"));
  }

  @Test
  void anUntouchedLogVerifies() {
    assertEquals(-1, AuditChain.firstBrokenLink(chainOf(trade())));
  }

  @Test
  void anEditedEntryBreaksItsLink() {
    List<AuditChain.Link> links = new ArrayList<>(chainOf(trade()));
    AuditChain.Link second = links.get(1);
    links.set(
        1,
        new AuditChain.Link(
            2, second.canonical().replace("FUND", "FUNDED"), second.previousHash(), second.hash()));

    assertEquals(1, AuditChain.firstBrokenLink(links));
  }

  @Test
  void aDroppedOrReorderedEntryIsNoticed() {
    List<AuditChain.Link> links = chainOf(trade());
    List<AuditChain.Link> dropped = new ArrayList<>(List.of(links.get(0), links.get(2)));
    List<AuditChain.Link> swapped =
        new ArrayList<>(List.of(links.get(1), links.get(0), links.get(2)));

    assertEquals(1, AuditChain.firstBrokenLink(dropped));
    assertEquals(0, AuditChain.firstBrokenLink(swapped));
  }

  @Test
  void aRewrittenTailWithFreshHashesStillDiffersFromTheKeptHead() {
    List<AuditEntry> original = trade();
    List<AuditEntry> rewritten = new ArrayList<>(original);
    rewritten.set(
        2,
        new AuditEntry(
            "o1",
            3,
            T0.plusSeconds(9),
            "taker:ef",
            "CLAIM",
            OfferState.INVOICE_PAID,
            OfferState.CLAIMED,
            Map.of("bond", "7167")));

    List<AuditChain.Link> forged = chainOf(rewritten);

    assertEquals(-1, AuditChain.firstBrokenLink(forged));
    assertNotEquals(chainOf(original).get(2).hash(), forged.get(2).hash());
  }
}
