package org.openpleb.ee.web.escrow;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openpleb.ee.custody.commitment.EscrowCommitment;

/**
 * A published commitment to the escrow: the root of the Merkle-sum tree over every offer's escrow
 * and bond.
 *
 * @param commitmentId the commitment
 * @param rootHash the root hash
 * @param totalSats every sat held as escrow or bond: the root's sum
 * @param leafCount how many holds it covers
 * @param publishedAt when it was built
 */
@Schema(
    name = "EscrowCommitment",
    description = "A published commitment to the escrow: the Merkle-sum root over every hold")
public record EscrowCommitmentView(
    @Schema(required = true, description = "The commitment's id.") String commitmentId,
    @Schema(
            required = true,
            pattern = "^[0-9a-f]{64}$",
            description =
                "The root hash, SHA-256 in lower-case hex (64 zeros when nothing is held).")
        String rootHash,
    @Schema(
            required = true,
            type = SchemaType.INTEGER,
            format = "int64",
            minimum = "0",
            description = "The root's sum: every sat held as escrow or bond.")
        long totalSats,
    @Schema(
            required = true,
            type = SchemaType.INTEGER,
            format = "int32",
            minimum = "0",
            description = "How many holds (leaves) it covers.")
        int leafCount,
    @Schema(
            required = true,
            type = SchemaType.STRING,
            format = "date-time",
            description = "When it was built.")
        OffsetDateTime publishedAt) {

  static EscrowCommitmentView of(EscrowCommitment commitment) {
    return new EscrowCommitmentView(
        commitment.id(),
        commitment.rootHash(),
        commitment.totalSats(),
        commitment.leafCount(),
        commitment.publishedAt());
  }
}
