package org.openpleb.ee.offer;

import jakarta.persistence.Basic;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A taker's proof of the fiat payment: an image of the bank's confirmation, visible to the offer's
 * maker and taker and to the admin only. Never logged.
 */
@Entity
@Cacheable(false)
@Table(name = "offer_receipts")
public class Receipt {

  @Id
  @Column(name = "offer_id", length = 36)
  private String offerId;

  @Column(name = "taker_pubkey", nullable = false, length = 64)
  private String takerPubkey;

  @Column(name = "content_type", nullable = false, length = 32)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private int size;

  @Column(name = "sha256", nullable = false, length = 64)
  private String sha256;

  @Basic(fetch = FetchType.LAZY)
  @Column(name = "image", nullable = false)
  private byte[] image;

  @Column(name = "submitted_at", nullable = false)
  private OffsetDateTime submittedAt;

  /** For JPA. */
  protected Receipt() {}

  Receipt(String offerId, String takerPubkey, ReceiptImage image, OffsetDateTime submittedAt) {
    this.offerId = offerId;
    this.takerPubkey = takerPubkey;
    this.contentType = image.contentType();
    this.size = image.bytes().length;
    this.sha256 = image.sha256();
    this.image = image.bytes();
    this.submittedAt = submittedAt;
  }

  public String offerId() {
    return offerId;
  }

  public String takerPubkey() {
    return takerPubkey;
  }

  /** The image with its media type. */
  public ReceiptImage image() {
    return new ReceiptImage(contentType, image);
  }

  public int size() {
    return size;
  }

  public String sha256() {
    return sha256;
  }

  public OffsetDateTime submittedAt() {
    return submittedAt;
  }

  @Override
  public String toString() {
    return "Receipt[" + offerId + " " + contentType + " " + size + " bytes]";
  }
}
