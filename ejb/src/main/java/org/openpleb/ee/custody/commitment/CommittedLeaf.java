package org.openpleb.ee.custody.commitment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A row of {@code escrow_commitment_leaves}: one leaf of a published tree at its position. The
 * proofs are stored as {@code Y:amount} pairs joined by commas, in the order the leaf hash covers
 * them.
 */
@Entity
@Table(name = "escrow_commitment_leaves")
@IdClass(CommittedLeaf.Key.class)
public class CommittedLeaf {

  @Id
  @Column(name = "commitment_id", length = 36)
  private String commitmentId;

  @Id
  @Column(name = "leaf_index")
  private int position;

  @Column(name = "offer_id", nullable = false, length = 36)
  private String offerId;

  @Enumerated(EnumType.STRING)
  @Column(name = "hold_kind", nullable = false, length = 8)
  private HoldKind kind;

  @Column(name = "amount", nullable = false)
  private long amount;

  @Column(name = "salt", nullable = false, length = 64)
  private String salt;

  @Column(name = "proofs", nullable = false, columnDefinition = "TEXT")
  private String proofs;

  /** For JPA. */
  protected CommittedLeaf() {}

  static CommittedLeaf of(String commitmentId, int position, EscrowLeaf leaf) {
    CommittedLeaf row = new CommittedLeaf();
    row.commitmentId = commitmentId;
    row.position = position;
    row.offerId = leaf.offerId();
    row.kind = leaf.kind();
    row.amount = leaf.amount();
    row.salt = leaf.salt();
    List<String> pairs = new ArrayList<>();
    for (LeafProof proof : leaf.proofs()) {
      pairs.add(proof.y() + ":" + proof.amount());
    }
    row.proofs = String.join(",", pairs);
    return row;
  }

  int position() {
    return position;
  }

  EscrowLeaf toLeaf() {
    List<LeafProof> backing = new ArrayList<>();
    for (String pair : proofs.split(",")) {
      int colon = pair.indexOf(':');
      backing.add(
          new LeafProof(pair.substring(0, colon), Long.parseLong(pair.substring(colon + 1))));
    }
    return new EscrowLeaf(offerId, kind, amount, backing, salt);
  }

  /** The primary key: commitment and position. */
  public static class Key implements Serializable {

    private static final long serialVersionUID = 1L;

    private String commitmentId;
    private int position;

    /** For JPA. */
    public Key() {}

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && position == key.position
          && Objects.equals(commitmentId, key.commitmentId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(commitmentId, position);
    }
  }
}
