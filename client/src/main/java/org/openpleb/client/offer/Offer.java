package org.openpleb.client.offer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * An offer, the one representation every offer answer has: the public fields anyone sees, and for
 * its maker, its taker and the admin also the QR code, the price, the funding, both parties' words
 * and the settlement (absent for everyone else, so those fields are {@code null} then).
 *
 * @param id the offer
 * @param status where it stands
 * @param fiatAmount fiat to pay, in the currency's minor units
 * @param currency ISO 4217 code
 * @param fiatProvider the bank or payment app label, if any
 * @param sats S, the offer's sats
 * @param takerFee T, paid to the taker on completion
 * @param bond B, what each party bonds
 * @param takerEarns S + T
 * @param createdAt when it was created
 * @param expiresAt the current state's deadline, if one runs
 * @param role the caller's role (parties and admin only)
 * @param qrCode the bank QR code's payload (parties and admin only)
 * @param btcPrice the frozen price, whole fiat units per bitcoin (parties and admin only)
 * @param platformFee P (parties and admin only)
 * @param funding F = S + P + T + B, what the maker funds (parties and admin only)
 * @param fundingMethod how it was funded, once funding started
 * @param invoice the BOLT11 invoice that funds it, while one was asked for
 * @param makerPubkey the maker's key
 * @param takerPubkey the taker's key, once claimed
 * @param claimedAt when it was claimed
 * @param receiptAt when the receipt was posted
 * @param makerFeedback the maker's words on the receipt
 * @param takerResponse the taker's answer to an issue
 * @param resolution the admin's resolution of a dispute
 * @param resolutionReason the admin's reason
 * @param outcome how the trade ended, once it did
 * @param settlement how the ended trade is paid out, once a settlement exists
 */
public record Offer(
    String id,
    OfferState status,
    Long fiatAmount,
    String currency,
    String fiatProvider,
    Long sats,
    Long takerFee,
    Long bond,
    Long takerEarns,
    OffsetDateTime createdAt,
    OffsetDateTime expiresAt,
    Role role,
    String qrCode,
    BigDecimal btcPrice,
    Long platformFee,
    Long funding,
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
    Outcome outcome,
    Settlement settlement) {}
