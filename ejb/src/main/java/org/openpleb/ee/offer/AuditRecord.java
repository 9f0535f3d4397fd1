package org.openpleb.ee.offer;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A stored line of an offer's audit log with its place in the hash chain. Written once. */
@Entity
@Cacheable(false)
@Table(name = "offer_audit")
@IdClass(AuditRecord.Key.class)
public class AuditRecord {

  @Id
  @Column(name = "offer_id", length = 36)
  private String offerId;

  @Id
  @Column(name = "seq")
  private int seq;

  @Column(name = "at", nullable = false)
  private OffsetDateTime at;

  @Column(name = "action", nullable = false, length = 32)
  private String action;

  @Column(name = "entry", nullable = false, length = 20000)
  private String entry;

  @Column(name = "prev_hash", nullable = false, length = 64)
  private String prevHash;

  @Column(name = "hash", nullable = false, length = 64)
  private String hash;

  /** For JPA. */
  protected AuditRecord() {}

  /** Links {@code entry} after the hash {@code previousHash}. */
  static AuditRecord of(AuditEntry entry, String previousHash) {
    AuditRecord r = new AuditRecord();
    r.offerId = entry.offerId();
    r.seq = entry.seq();
    r.at = entry.at();
    r.action = entry.action();
    r.entry = entry.canonical();
    r.prevHash = previousHash;
    r.hash = AuditChain.link(previousHash, r.entry);
    return r;
  }

  public String offerId() {
    return offerId;
  }

  public int seq() {
    return seq;
  }

  public OffsetDateTime at() {
    return at;
  }

  public String action() {
    return action;
  }

  /** The canonical JSON text the hash covers. */
  public String entry() {
    return entry;
  }

  public String previousHash() {
    return prevHash;
  }

  public String hash() {
    return hash;
  }

  /** This record as a link of the chain. */
  public AuditChain.Link link() {
    return new AuditChain.Link(seq, entry, prevHash, hash);
  }

  /** The composite key: offer and position. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private String offerId;
    private int seq;

    /** For JPA. */
    public Key() {}

    Key(String offerId, int seq) {
      this.offerId = offerId;
      this.seq = seq;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key k && k.seq == seq && Objects.equals(k.offerId, offerId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(offerId, seq);
    }
  }
}
