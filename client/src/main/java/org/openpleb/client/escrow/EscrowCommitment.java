package org.openpleb.client.escrow;

import java.time.OffsetDateTime;

/**
 * The latest published escrow commitment ({@code GET /api/escrow/commitment}).
 *
 * @param commitmentId the commitment
 * @param rootHash the Merkle-sum root hash, lower-case hex
 * @param totalSats every sat held as escrow or bond
 * @param leafCount how many holds it covers
 * @param publishedAt when it was built
 */
public record EscrowCommitment(
    String commitmentId,
    String rootHash,
    long totalSats,
    int leafCount,
    OffsetDateTime publishedAt) {}
