package org.openpleb.ee.web.offer;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openpleb.ee.settlement.Outcome;
import org.openpleb.ee.settlement.Settlement;

/**
 * How an ended trade is paid out: the payout-table amounts and whether every transfer is done.
 *
 * @param outcome the payout-table row
 * @param state {@code PENDING} while transfers remain, then {@code DONE}
 * @param makerAmount sats for the maker, before mint fees
 * @param takerAmount sats for the taker, before mint fees
 * @param platformAmount sats for the platform
 * @param mintFees fees the mint charged for the transfers, once done
 * @param completedAt when the last transfer finished
 */
@Schema(
    name = "Settlement",
    description =
        "How an ended trade is paid out: the payout-table row, its amounts in sats and whether"
            + " every transfer is done.")
@JsonbPropertyOrder({
  "outcome",
  "state",
  "makerAmount",
  "takerAmount",
  "platformAmount",
  "mintFees",
  "completedAt"
})
public record SettlementView(
    @Schema(
            required = true,
            type = SchemaType.STRING,
            enumeration = {
              "NOTHING_HELD",
              "UNCLAIMED",
              "APPROVED",
              "AUTO_APPROVED",
              "NO_RECEIPT",
              "ISSUE_UNANSWERED",
              "FORFEITED",
              "RETURNED",
              "MAKER_WINS",
              "TAKER_WINS",
              "SPLIT"
            },
            description = "The payout-table row the trade ended with.")
        Outcome outcome,
    @Schema(
            required = true,
            type = SchemaType.STRING,
            enumeration = {"PENDING", "DONE"},
            description = "PENDING while transfers remain, then DONE.")
        Settlement.State state,
    @Schema(
            required = true,
            type = SchemaType.INTEGER,
            format = "int64",
            description = "Sats for the maker, before mint fees.")
        long makerAmount,
    @Schema(
            required = true,
            type = SchemaType.INTEGER,
            format = "int64",
            description = "Sats for the taker, before mint fees.")
        long takerAmount,
    @Schema(
            required = true,
            type = SchemaType.INTEGER,
            format = "int64",
            description = "Sats for the platform.")
        long platformAmount,
    @Schema(
            required = true,
            type = SchemaType.INTEGER,
            format = "int64",
            description = "Sats the mint charged for the transfers, once done.")
        long mintFees,
    @Schema(
            type = SchemaType.STRING,
            format = "date-time",
            description = "When the last transfer finished; absent until then.")
        OffsetDateTime completedAt) {

  /** The view of {@code s}. */
  public static SettlementView of(Settlement s) {
    return new SettlementView(
        s.outcome(),
        s.state(),
        s.payout().maker(),
        s.payout().taker(),
        s.payout().platform(),
        s.mintFees(),
        s.completedAt().orElse(null));
  }
}
