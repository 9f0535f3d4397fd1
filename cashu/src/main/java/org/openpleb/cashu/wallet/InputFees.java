package org.openpleb.cashu.wallet;

import java.util.Collection;
import java.util.function.ToLongFunction;

/**
 * The mint's fee for spending proofs (NUT-02): each input costs its keyset's {@code input_fee_ppk}
 * parts per thousand of a sat, and a transaction pays the sum rounded up to whole sats, {@code
 * ceil(Σppk / 1000)}.
 */
final class InputFees {

  private final ToLongFunction<String> ppkOfKeyset;

  InputFees(ToLongFunction<String> ppkOfKeyset) {
    this.ppkOfKeyset = ppkOfKeyset;
  }

  long ppk(String keysetId) {
    return ppkOfKeyset.applyAsLong(keysetId);
  }

  /** The fee for spending proofs of the given keysets together. */
  long forKeysets(Collection<String> keysetIds) {
    long sum = 0;
    for (String id : keysetIds) {
      sum += ppk(id);
    }
    return roundUp(sum);
  }

  /** Whole sats for a sum of parts per thousand, rounded up as the mint does. */
  static long roundUp(long ppkSum) {
    return (ppkSum + 999) / 1000;
  }
}
