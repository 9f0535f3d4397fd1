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
 *
 * <p>The number of parts is counted before any is made, and an amount needing more than {@link
 * #MAX_PARTS} is refused: the work and memory of a split stay bounded whatever the amount, even one
 * a forged token or a lying mint chose.
 */
final class Denominations {

  /** The most outputs one split may plan (mints commonly refuse more in one request). */
  static final int MAX_PARTS = 1_000;

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
    // First count, with division: a loop per part would run as long as the amount asks.
    long[] counts = new long[sizes.size()];
    long total = 0;
    long rest = amount;
    for (int i = 0; i < sizes.size(); i++) {
      counts[i] = rest / sizes.get(i);
      rest -= counts[i] * sizes.get(i);
      total += counts[i];
      if (total > MAX_PARTS) {
        throw new WalletException(
            amount + " sats need more than " + MAX_PARTS + " outputs of keyset " + keyset.id());
      }
    }
    if (rest != 0) {
      throw new CashuException("Keyset " + keyset.id() + " cannot represent " + amount + " sats");
    }
    List<Long> parts = new ArrayList<>((int) total);
    for (int i = sizes.size() - 1; i >= 0; i--) {
      for (long n = 0; n < counts[i]; n++) {
        parts.add(sizes.get(i));
      }
    }
    return parts;
  }
}
