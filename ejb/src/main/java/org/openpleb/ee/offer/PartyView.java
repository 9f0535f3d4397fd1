package org.openpleb.ee.offer;

import java.time.OffsetDateTime;
import org.openpleb.ee.settlement.Outcome;

/**
 * An offer as its maker and taker see it: the public fields plus the bank QR code the taker pays,
 * the maker's funding, both parties' words and how the trade ended. Never a quote id, a token, a
 * wallet id or the receipt image.
 *
 * @param offer the public fields
 * @param qrCode the bank QR code's payload
 * @param btcPrice the frozen price, fiat major units per bitcoin, as text
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
public record PartyView(
    OfferView offer,
    String qrCode,
    String btcPrice,
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
    String resolution,
    String resolutionReason,
    Outcome outcome) {

  /** What the parties see of {@code offer}. */
  public static PartyView of(Offer offer) {
    return new PartyView(
        OfferView.of(offer),
        offer.qrCode(),
        offer.btcPrice().stripTrailingZeros().toPlainString(),
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
        offer.resolution().orElse(null),
        offer.resolutionReason().orElse(null),
        offer.outcome().orElse(null));
  }
}
