package org.openpleb.ee.web.offer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A taker's claim.
 *
 * @param bondToken a Cashu token worth at least the bond; without one the bond comes from the
 *     session wallet's spendable sats
 */
@Schema(
    name = "ClaimRequest",
    description = "A taker's claim; an empty body or {} posts the bond from the balance.")
public record ClaimRequest(
    @Schema(
            description =
                "A Cashu token worth at least the bond; leave it out to post the bond from the"
                    + " session wallet's spendable sats.")
        String bondToken) {}
