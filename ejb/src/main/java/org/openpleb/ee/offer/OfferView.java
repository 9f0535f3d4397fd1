package org.openpleb.ee.offer;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;

/**
 * An offer as anyone may see it in the order book: what is to be paid in fiat, what the taker earns
 * and bonds, and until when. No QR code, no keys, no wallets. Its fields are the public part of the
 * API's {@code Offer} schema, in its order; the public {@code offer} events carry it as it is.
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
  "expiresAt"
})
public record OfferView(
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
    OffsetDateTime expiresAt) {

  /** The public fields of {@code offer}. */
  public static OfferView of(Offer offer) {
    return new OfferView(
        offer.id(),
        offer.status(),
        offer.fiatAmount(),
        offer.currency().getCurrencyCode(),
        offer.fiatProvider().orElse(null),
        offer.terms().sats(),
        offer.terms().takerFee(),
        offer.terms().bond(),
        offer.terms().sats() + offer.terms().takerFee(),
        offer.createdAt(),
        offer.expiresAt().orElse(null));
  }
}
