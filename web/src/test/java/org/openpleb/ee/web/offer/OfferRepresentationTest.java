package org.openpleb.ee.web.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.offer.FundingMethod;
import org.openpleb.ee.offer.OfferState;
import org.openpleb.ee.offer.OfferView;
import org.openpleb.ee.offer.PartyView;
import org.openpleb.ee.offer.Resolution;
import org.openpleb.ee.settlement.Outcome;
import org.openpleb.ee.settlement.Settlement;

/**
 * The one offer representation as JSON-B writes it: flat with the state at {@code status}, the
 * contract's field order, the price a number, nothing null written, and for anyone the public
 * fields only.
 */
class OfferRepresentationTest {

  private static final Jsonb JSON = JsonbBuilder.create();
  private static final OffsetDateTime AT =
      OffsetDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneOffset.UTC);

  private static final OfferView OPEN =
      new OfferView(
          "o-1", OfferState.RESOLVED, 100_000, "KRW", null, 66_667, 1_434, 7_167, 68_101, AT, null);

  private static PartyView party() {
    return new PartyView(
        "o-1",
        OfferState.RESOLVED,
        100_000,
        "KRW",
        null,
        66_667,
        1_434,
        7_167,
        68_101,
        AT,
        null,
        "bank-qr",
        new BigDecimal("150000000"),
        767,
        76_035,
        FundingMethod.TOKEN,
        null,
        "ab".repeat(32),
        "cd".repeat(32),
        AT,
        AT,
        "nothing arrived",
        "I paid",
        Resolution.RETURN,
        "both unclear",
        Outcome.RETURNED);
  }

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  @Test
  void aPartySeesEverythingFlatInTheContractsOrder() {
    SettlementView settlement =
        new SettlementView(Outcome.RETURNED, Settlement.State.DONE, 75_268, 7_167, 767, 0, AT);

    String json = JSON.toJson(OfferRepresentation.forParty(party(), PartyRole.ADMIN, settlement));

    JsonObject offer = parse(json);
    assertEquals(
        List.of(
            "id",
            "status",
            "fiatAmount",
            "currency",
            "sats",
            "takerFee",
            "bond",
            "takerEarns",
            "createdAt",
            "role",
            "qrCode",
            "btcPrice",
            "platformFee",
            "funding",
            "fundingMethod",
            "makerPubkey",
            "takerPubkey",
            "claimedAt",
            "receiptAt",
            "makerFeedback",
            "takerResponse",
            "resolution",
            "resolutionReason",
            "outcome",
            "settlement"),
        List.copyOf(offer.keySet()),
        json);
    assertEquals("RESOLVED", offer.getString("status"));
    assertEquals("ADMIN", offer.getString("role"));
    assertEquals(JsonValue.ValueType.NUMBER, offer.get("btcPrice").getValueType(), json);
    assertEquals(new BigDecimal("150000000"), offer.getJsonNumber("btcPrice").bigDecimalValue());
    assertEquals("RETURN", offer.getString("resolution"));
    assertEquals("RETURNED", offer.getJsonObject("settlement").getString("outcome"));
    assertEquals("DONE", offer.getJsonObject("settlement").getString("state"));
    assertEquals(
        75_268, offer.getJsonObject("settlement").getJsonNumber("makerAmount").longValue());
    assertFalse(json.contains("null"), json);
  }

  @Test
  void anyoneSeesThePublicFieldsOnly() {
    String json = JSON.toJson(OfferRepresentation.open(OPEN));

    JsonObject offer = parse(json);
    assertEquals(
        List.of(
            "id",
            "status",
            "fiatAmount",
            "currency",
            "sats",
            "takerFee",
            "bond",
            "takerEarns",
            "createdAt"),
        List.copyOf(offer.keySet()),
        json);
  }

  @Test
  void aTradeEventCarriesThePartiesViewFlat() {
    // the live events write the ejb view as it is: the same fields, the same order, no nesting
    JsonObject event = parse(JSON.toJson(party()));
    JsonObject api =
        parse(JSON.toJson(OfferRepresentation.forParty(party(), PartyRole.MAKER, null)));

    List<String> apiFields = new java.util.ArrayList<>(api.keySet());
    apiFields.remove("role");
    assertEquals(apiFields, List.copyOf(event.keySet()));
    assertTrue(event.get("btcPrice").getValueType() == JsonValue.ValueType.NUMBER);
    assertEquals("RESOLVED", event.getString("status"));
  }
}
