package org.openpleb.cashu.model;

import java.math.BigInteger;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A mint keyset (NUT-01/02): the public key per amount, the unit, whether new outputs may use it
 * and the fee it charges per input in parts per thousand.
 *
 * <p>Amounts are {@link BigInteger} because a keyset may list denominations beyond {@code
 * Long.MAX_VALUE} (see the NUT-01 vectors); the wallet simply never uses those. {@code keys} is
 * empty when only the keyset summary ({@code GET /v1/keysets}) is known.
 */
public record Keyset(
    String id,
    String unit,
    boolean active,
    long inputFeePpk,
    Long finalExpiry,
    SortedMap<BigInteger, String> keys) {

  public Keyset {
    keys = Collections.unmodifiableSortedMap(new TreeMap<>(keys == null ? new TreeMap<>() : keys));
  }
}
