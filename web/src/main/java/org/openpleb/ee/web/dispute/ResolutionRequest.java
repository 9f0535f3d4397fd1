package org.openpleb.ee.web.dispute;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openpleb.ee.offer.Resolution;

/**
 * The admin's decision.
 *
 * @param resolution MAKER_WINS, TAKER_WINS, SPLIT or RETURN
 * @param reason why, for both parties and the audit log (required)
 */
@Schema(name = "ResolutionRequest", description = "The admin's decision on a dispute.")
public record ResolutionRequest(
    @Schema(
            required = true,
            type = SchemaType.STRING,
            enumeration = {"MAKER_WINS", "TAKER_WINS", "SPLIT", "RETURN"},
            description =
                "MAKER_WINS (maker S + T + 2B), TAKER_WINS (taker S + T + 2B), SPLIT (half each)"
                    + " or RETURN (maker S + T + B, taker B); the platform keeps P.")
        Resolution resolution,
    @Schema(required = true, description = "Why, for both parties and the audit log.")
        String reason) {}
