package org.openpleb.ee.web.offer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How the maker funds an offer without Lightning.
 *
 * @param source {@code BALANCE} (the session wallet's spendable sats) or {@code TOKEN}
 * @param token a Cashu token worth at least the funding, with {@code TOKEN}
 */
@Schema(name = "FundingRequest", description = "How the maker funds an offer without Lightning.")
public record FundingRequest(
    @Schema(
            required = true,
            description =
                "BALANCE: from the session wallet's spendable sats; TOKEN: from the posted"
                    + " token.")
        FundingSource source,
    @Schema(description = "With TOKEN: a Cashu token worth at least the offer's funding.")
        String token) {}
