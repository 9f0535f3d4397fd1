package org.openpleb.ee.web.offer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The maker's verdict on the taker's receipt.
 *
 * @param verdict {@code APPROVE} (the fiat arrived) or {@code ISSUE} (it did not, or not in full)
 * @param feedback optional words for the taker and, in a dispute, the admin
 */
@Schema(name = "FeedbackRequest", description = "The maker's verdict on the taker's receipt.")
public record FeedbackRequest(
    @Schema(
            required = true,
            description =
                "APPROVE: the fiat arrived, the trade completes; ISSUE: it did not, or not in"
                    + " full.")
        Verdict verdict,
    @Schema(
            description =
                "Optional words for the taker and, in a dispute, the admin; at most 2000"
                    + " characters.")
        String feedback) {}
