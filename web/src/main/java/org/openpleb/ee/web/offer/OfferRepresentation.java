package org.openpleb.ee.web.offer;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openpleb.ee.offer.FundingMethod;
import org.openpleb.ee.offer.OfferState;
import org.openpleb.ee.offer.OfferView;
import org.openpleb.ee.offer.PartyView;
import org.openpleb.ee.offer.Resolution;
import org.openpleb.ee.settlement.Outcome;

/**
 * An offer as the API shows it, the one shape of every answer about an offer: the order book, my
 * offers, one offer, every trade call and the admin's disputes. Anyone sees the public fields; the
 * maker, the taker and the admin also see the private ones (the QR code, the funding, both parties'
 * words, the outcome and the settlement). Absent fields are left out, never written as null.
 *
 * @param id the offer
 * @param status its state
 * @param fiatAmount fiat to pay, in the currency's minor units
 * @param currency ISO 4217 code
 * @param fiatProvider the bank or payment app label, if any
 * @param sats S
 * @param takerFee T
 * @param bond B
 * @param takerEarns S + T
 * @param createdAt when it was created
 * @param expiresAt the current state's deadline, if one runs
 * @param role the caller's part, for parties and the admin
 * @param qrCode the bank QR code's payload
 * @param btcPrice the frozen price, fiat major units per bitcoin
 * @param platformFee P
 * @param funding F
 * @param fundingMethod how the maker funded it
 * @param invoice the BOLT11 invoice that funds it, while one was asked for
 * @param makerPubkey the maker's key
 * @param takerPubkey the taker's key, once claimed
 * @param claimedAt when it was claimed
 * @param receiptAt when the receipt was posted
 * @param makerFeedback the maker's words on the receipt
 * @param takerResponse the taker's answer to an issue
 * @param resolution the admin's resolution of a dispute
 * @param resolutionReason the admin's reason
 * @param outcome how the trade ended
 * @param settlement how it is paid out, once a settlement exists
 */
@Schema(
    name = "Offer",
    description =
        "An offer. Anyone sees id to expiresAt; its maker, its taker and the admin also see role"
            + " to settlement (how the trade is paid out, once a settlement exists). Amounts are"
            + " sats; absent fields are left out.")
@JsonbPropertyOrder({
  "id",
  "status",
  "fiatAmount",
  "currency",
  "fiatProvider",
  "sats",
  "takerFee",
  "bond",
  "takerEarns",
  "createdAt",
  "expiresAt",
  "role",
  "qrCode",
  "btcPrice",
  "platformFee",
  "funding",
  "fundingMethod",
  "invoice",
  "makerPubkey",
  "takerPubkey",
  "claimedAt",
  "receiptAt",
  "makerFeedback",
  "takerResponse",
  "resolution",
  "resolutionReason",
  "outcome",
  "settlement"
})
public record OfferRepresentation(
    @Schema(required = true, description = "The offer's id.") String id,
    @Schema(
            required = true,
            type = SchemaType.STRING,
            enumeration = {
              "CREATED",
              "INVOICE_CREATED",
              "INVOICE_PAID",
              "CLAIMED",
              "RECEIPT_SUBMITTED",
              "COMPLETED",
              "MARKED_WITH_ISSUE",
              "DISPUTED",
              "RESOLVED",
              "FORFEITED",
              "EXPIRED"
            },
            description = "The offer's state.")
        OfferState status,
    @Schema(
            required = true,
            type = SchemaType.INTEGER,
            format = "int64",
            description = "Fiat to pay, in the currency's minor units.")
        long fiatAmount,
    @Schema(required = true, description = "ISO 4217 code of the fiat.", example = "KRW")
        String currency,
    @Schema(description = "The bank or payment app label, if the maker gave one.")
        String fiatProvider,
    @Schema(
            required = true,
            type = SchemaType.INTEGER,
            format = "int64",
            description = "S: the sats the taker buys.")
        long sats,
    @Schema(
            required = true,
            type = SchemaType.INTEGER,
            format = "int64",
            description = "T: the taker's fee, paid by the maker.")
        long takerFee,
    @Schema(
            required = true,
            type = SchemaType.INTEGER,
            format = "int64",
            description = "B: the bond a taker posts to claim.")
        long bond,
    @Schema(
            required = true,
            type = SchemaType.INTEGER,
            format = "int64",
            description = "S + T: what the taker earns besides the bond back.")
        long takerEarns,
    @Schema(
            required = true,
            type = SchemaType.STRING,
            format = "date-time",
            description = "When the offer was created.")
        OffsetDateTime createdAt,
    @Schema(
            type = SchemaType.STRING,
            format = "date-time",
            description = "The current state's deadline, while one runs.")
        OffsetDateTime expiresAt,
    @Schema(description = "The caller's part; parties and the admin only.") PartyRole role,
    @Schema(description = "The bank QR code's payload; parties and the admin only.") String qrCode,
    @Schema(
            description =
                "The price frozen on the offer, fiat major units per bitcoin; parties and the"
                    + " admin only.",
            example = "150000000")
        BigDecimal btcPrice,
    @Schema(
            type = SchemaType.INTEGER,
            format = "int64",
            description = "P: the platform's fee; parties and the admin only.")
        Long platformFee,
    @Schema(
            type = SchemaType.INTEGER,
            format = "int64",
            description = "F = S + P + T + B: what the maker funds; parties and the admin only.")
        Long funding,
    @Schema(
            type = SchemaType.STRING,
            enumeration = {"LIGHTNING", "BALANCE", "TOKEN"},
            description = "How the maker funded it, once funding started.")
        FundingMethod fundingMethod,
    @Schema(description = "The BOLT11 invoice that funds the offer, while one was asked for.")
        String invoice,
    @Schema(description = "The maker's x-only public key (hex); parties and the admin only.")
        String makerPubkey,
    @Schema(description = "The taker's x-only public key (hex), once claimed.") String takerPubkey,
    @Schema(type = SchemaType.STRING, format = "date-time", description = "When it was claimed.")
        OffsetDateTime claimedAt,
    @Schema(
            type = SchemaType.STRING,
            format = "date-time",
            description = "When the receipt was posted.")
        OffsetDateTime receiptAt,
    @Schema(description = "The maker's words on the receipt.") String makerFeedback,
    @Schema(description = "The taker's answer to an issue.") String takerResponse,
    @Schema(
            type = SchemaType.STRING,
            enumeration = {"MAKER_WINS", "TAKER_WINS", "SPLIT", "RETURN"},
            description = "The admin's resolution of a dispute.")
        Resolution resolution,
    @Schema(description = "The admin's reason for the resolution.") String resolutionReason,
    @Schema(
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
            description = "How the trade ended (the payout-table row), once it did.")
        Outcome outcome,
    // no @Schema here: Payara's scanner reads a schema annotation on a method whose name contains
    // "set" as a setter's and fails on the accessor settlement(); the Settlement schema describes
    // it
    SettlementView settlement) {

  /** The public fields only: what anyone may see. */
  public static OfferRepresentation open(OfferView v) {
    return new OfferRepresentation(
        v.id(),
        v.status(),
        v.fiatAmount(),
        v.currency(),
        v.fiatProvider(),
        v.sats(),
        v.takerFee(),
        v.bond(),
        v.takerEarns(),
        v.createdAt(),
        v.expiresAt(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** Everything, for a party or the admin, with the settlement when there is one (else null). */
  public static OfferRepresentation forParty(
      PartyView v, PartyRole role, SettlementView settlement) {
    return new OfferRepresentation(
        v.id(),
        v.status(),
        v.fiatAmount(),
        v.currency(),
        v.fiatProvider(),
        v.sats(),
        v.takerFee(),
        v.bond(),
        v.takerEarns(),
        v.createdAt(),
        v.expiresAt(),
        role,
        v.qrCode(),
        v.btcPrice(),
        v.platformFee(),
        v.funding(),
        v.fundingMethod(),
        v.invoice(),
        v.makerPubkey(),
        v.takerPubkey(),
        v.claimedAt(),
        v.receiptAt(),
        v.makerFeedback(),
        v.takerResponse(),
        v.resolution(),
        v.resolutionReason(),
        v.outcome(),
        settlement);
  }
}
