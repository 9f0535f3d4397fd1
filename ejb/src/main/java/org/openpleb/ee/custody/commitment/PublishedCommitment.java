package org.openpleb.ee.custody.commitment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A row of {@code escrow_commitments}: one published root. */
@Entity
@Table(name = "escrow_commitments")
public class PublishedCommitment {

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "root_hash", nullable = false, length = 64)
  private String rootHash;

  @Column(name = "total_sats", nullable = false)
  private long totalSats;

  @Column(name = "leaf_count", nullable = false)
  private int leafCount;

  @Column(name = "published_at", nullable = false)
  private OffsetDateTime publishedAt;

  /** For JPA. */
  protected PublishedCommitment() {}

  static PublishedCommitment of(EscrowCommitment commitment) {
    PublishedCommitment row = new PublishedCommitment();
    row.id = commitment.id();
    row.rootHash = commitment.rootHash();
    row.totalSats = commitment.totalSats();
    row.leafCount = commitment.leafCount();
    row.publishedAt = commitment.publishedAt();
    return row;
  }

  EscrowCommitment toCommitment() {
    return new EscrowCommitment(id, rootHash, totalSats, leafCount, publishedAt);
  }
}
