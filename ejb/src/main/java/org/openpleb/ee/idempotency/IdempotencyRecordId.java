package org.openpleb.ee.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** The primary key of an {@link IdempotencyRecord}: user, endpoint and key. */
@Embeddable
public class IdempotencyRecordId implements Serializable {

  private static final long serialVersionUID = 1L;

  @Column(name = "pubkey", length = 64)
  private String pubkey;

  @Column(name = "endpoint", length = 64)
  private String endpoint;

  @Column(name = "idempotency_key", length = 255)
  private String idempotencyKey;

  /** For JPA. */
  protected IdempotencyRecordId() {}

  IdempotencyRecordId(IdempotencyScope scope) {
    this.pubkey = scope.pubkey();
    this.endpoint = scope.endpoint();
    this.idempotencyKey = scope.key();
  }

  /** The request this key names. */
  IdempotencyScope scope() {
    return new IdempotencyScope(pubkey, endpoint, idempotencyKey);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IdempotencyRecordId id
        && pubkey.equals(id.pubkey)
        && endpoint.equals(id.endpoint)
        && idempotencyKey.equals(id.idempotencyKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pubkey, endpoint, idempotencyKey);
  }

  @Override
  public String toString() {
    return "IdempotencyRecordId[" + endpoint + "]";
  }
}
