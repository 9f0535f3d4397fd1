package org.openpleb.ee.offer;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.openpleb.ee.settlement.Outcome;

/**
 * An offer as its maker and taker see it: the public fields plus the bank QR code the taker pays,
 * the maker's funding, both parties' words and how the trade ended. Never a quote id, a token, a
 * wallet id or the receipt image. Flat, in the order of the API's {@code Offer} schema: the
 * parties' {@code trade} events carry it as it is, and the web layer adds the caller's role and the
 * settlement to make the API's offer representation.
 *
 * @param id the offer
 * @param status its state
 * @param fiatAmount fiat to pay, in the currency's minor units
 * @param currency ISO 4217 code
 * @param fiatProvider the bank or payment app label, if any
 * @param sats S
 * @param takerFee T
 * @param bond B, what a taker must post to claim
 * @param takerEarns S + T, what the taker gets on top of the returned bond
 * @param createdAt when it was created
 * @param expiresAt the current state's deadline, if one runs
 * @param qrCode the bank QR code's payload
 * @param btcPrice the frozen price, fiat major units per bitcoin
 * @param platformFee P
 * @param funding F, what the maker funds
 * @param fundingMethod LIGHTNING, BALANCE or TOKEN once funding started, else null
 * @param invoice the BOLT11 invoice to fund it, while one was asked for
 * @param makerPubkey the maker's key
 * @param takerPubkey the taker's key, once claimed
 * @param claimedAt when it was claimed
 * @param receiptAt when the receipt was posted
 * @param makerFeedback the maker's words on the receipt
 * @param takerResponse the taker's answer to an issue
 * @param resolution the admin's resolution of a dispute
 * @param resolutionReason the admin's reason
 * @param outcome how the trade ended, once it did
 */
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
  "outcome"
})
public record PartyView(
    String id,
    OfferState status,
    long fiatAmount,
    String currency,
    String fiatProvider,
    long sats,
    long takerFee,
    long bond,
    long takerEarns,
    OffsetDateTime createdAt,
    OffsetDateTime expiresAt,
    String qrCode,
    BigDecimal btcPrice,
    long platformFee,
    long funding,
    FundingMethod fundingMethod,
    String invoice,
    String makerPubkey,
    String takerPubkey,
    OffsetDateTime claimedAt,
    OffsetDateTime receiptAt,
    String makerFeedback,
    String takerResponse,
    Resolution resolution,
    String resolutionReason,
    Outcome outcome) {

  /** What the parties see of {@code offer}. */
  public static PartyView of(Offer offer) {
    OfferView open = OfferView.of(offer);
    return new PartyView(
        open.id(),
        open.status(),
        open.fiatAmount(),
        open.currency(),
        open.fiatProvider(),
        open.sats(),
        open.takerFee(),
        open.bond(),
        open.takerEarns(),
        open.createdAt(),
        open.expiresAt(),
        offer.qrCode(),
        // the frozen price as entered, without the column's padding zeros (150000000, not
        // 150000000.00000000); a JSON number either way
        plain(offer.btcPrice()),
        offer.terms().platformFee(),
        offer.funding(),
        offer.fundingMethod().orElse(null),
        offer.invoice().orElse(null),
        offer.makerPubkey(),
        offer.takerPubkey().orElse(null),
        offer.claimedAt().orElse(null),
        offer.receiptAt().orElse(null),
        offer.makerFeedback().orElse(null),
        offer.takerResponse().orElse(null),
        offer.resolution().map(Resolution::valueOf).orElse(null),
        offer.resolutionReason().orElse(null),
        offer.outcome().orElse(null));
  }

  private static BigDecimal plain(BigDecimal price) {
    BigDecimal stripped = price.stripTrailingZeros();
    // 1.5E+8 would be written in exponent notation; a scale of 0 keeps the digits plain
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
