package org.openpleb.ee.web.offer;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A maker's new offer.
 *
 * @param fiatAmount the amount the bank QR code asks for, in the currency's minor units
 * @param qrCode the bank QR code's payload (or the payment details typed in)
 * @param fiatProvider an optional bank or payment app label takers can filter by
 */
@Schema(name = "CreateOfferRequest", description = "A maker's new offer.")
public record CreateOfferRequest(
    @Schema(
            required = true,
            type = SchemaType.INTEGER,
            format = "int64",
            description =
                "What the bank QR code asks for, in the currency's minor units: positive, at most"
                    + " OPENPLEB_MAX_FIAT_AMOUNT whole units.")
        Long fiatAmount,
    @Schema(
            required = true,
            description =
                "The bank QR code's payload (or the payment details), 1 to 2048 characters.")
        String qrCode,
    @Schema(description = "An optional bank or payment app label takers can filter by.")
        String fiatProvider) {}
