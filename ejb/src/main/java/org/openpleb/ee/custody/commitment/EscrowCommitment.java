package org.openpleb.ee.custody.commitment;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A published commitment to the escrow: the root of a {@link MerkleSumTree} over every hold offers
 * had in the wallets when it was built.
 *
 * @param id the commitment's id
 * @param rootHash the root hash, 64 lower-case hex characters
 * @param totalSats the root's sum: every sat held as escrow or bond
 * @param leafCount how many holds (leaves) it covers
 * @param publishedAt when it was built
 */
public record EscrowCommitment(
    String id, String rootHash, long totalSats, int leafCount, OffsetDateTime publishedAt) {

  /** Requires every part. */
  public EscrowCommitment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(rootHash, "rootHash");
    Objects.requireNonNull(publishedAt, "publishedAt");
  }
}
