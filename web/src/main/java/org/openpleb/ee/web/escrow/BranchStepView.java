package org.openpleb.ee.web.escrow;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The sibling met one level up a branch.
 *
 * @param side whether the sibling is the left or the right child
 * @param hash the sibling's hash
 * @param sum the sibling's sats
 */
@Schema(name = "BranchStep", description = "The sibling met one level up a branch")
public record BranchStepView(
    @Schema(required = true, description = "Whether the sibling is the left or the right child.")
        BranchSide side,
    @Schema(
            required = true,
            pattern = "^[0-9a-f]{64}$",
            description = "The sibling's hash, lower-case hex.")
        String hash,
    @Schema(
            required = true,
            type = SchemaType.INTEGER,
            format = "int64",
            minimum = "0",
            description = "The sibling's sum in sats.")
        long sum) {}
