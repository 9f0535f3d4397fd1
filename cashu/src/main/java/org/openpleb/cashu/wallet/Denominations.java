package org.openpleb.cashu.wallet;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.openpleb.cashu.CashuException;
import org.openpleb.cashu.model.Keyset;

/**
 * How an amount is cut into the coin sizes a keyset signs: powers of two for the usual keysets,
 * largest first, then listed ascending (NUT-03 asks for sorted outputs so their order tells the
 * mint nothing).
 */
final class Denominations {

  private Denominations() {}

  static List<Long> split(long amount, Keyset keyset) {
    if (amount < 0) {
      throw new IllegalArgumentException("negative amount");
    }
    List<Long> sizes = new ArrayList<>();
    for (BigInteger a : keyset.keys().keySet()) {
      // Denominations beyond a long (the NUT-01 vectors have 2^63) are never used.
      if (a.signum() > 0 && a.bitLength() < 64) {
        sizes.add(a.longValueExact());
      }
    }
    Collections.sort(sizes, Collections.reverseOrder());
    List<Long> parts = new ArrayList<>();
    long rest = amount;
    for (long size : sizes) {
      while (rest >= size) {
        parts.add(size);
        rest -= size;
      }
    }
    if (rest != 0) {
      throw new CashuException("Keyset " + keyset.id() + " cannot represent " + amount + " sats");
    }
    Collections.sort(parts);
    return parts;
  }
}
