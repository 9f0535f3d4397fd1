package org.openpleb.ee.web.escrow;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A proof backing a hold, by its NUT-07 {@code Y}: ask the mint's {@code POST /v1/checkstate} about
 * it. A {@code Y} does not let anyone spend the proof.
 *
 * @param y hash_to_curve(secret), a compressed point in lower-case hex
 * @param amount the proof's sats
 */
@Schema(name = "BackingProof", description = "A proof backing a hold, by its NUT-07 Y")
public record BackingProofView(
    @Schema(
            required = true,
            pattern = "^0[23][0-9a-f]{64}$",
            description = "hash_to_curve(secret) as a compressed point, lower-case hex.")
        String y,
    @Schema(
            required = true,
            type = SchemaType.INTEGER,
            format = "int64",
            minimum = "1",
            description = "The proof's sats.")
        long amount) {}
