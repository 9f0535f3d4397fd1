package org.openpleb.ee.offer;

import java.util.Objects;

/**
 * The id of an offer (a UUID, as stored in {@code offers.id}): the key every {@link OfferChange} is
 * applied to.
 *
 * @param value the id, as stored
 */
public record OfferId(String value) {

  /** Requires the id. */
  public OfferId {
    Objects.requireNonNull(value, "value");
  }

  /** The id as stored. */
  @Override
  public String toString() {
    return value;
  }
}
