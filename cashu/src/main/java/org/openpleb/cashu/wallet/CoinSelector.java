package org.openpleb.cashu.wallet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openpleb.cashu.store.StoredProof;

/**
 * Chooses which proofs to spend. Fewer inputs mean lower fees, so the selection prefers large
 * proofs and then drops the small ones it does not need.
 */
final class CoinSelector {

  private CoinSelector() {}

  /**
   * Proofs that add up to exactly {@code amount}, if some do. Taking the largest that fits first
   * finds an exact set whenever one exists for power-of-two denominations, since each size divides
   * every larger one.
   */
  static Optional<List<StoredProof>> exact(List<StoredProof> candidates, long amount) {
    if (amount <= 0) {
      return Optional.empty();
    }
    List<StoredProof> sorted = new ArrayList<>(candidates);
    sorted.sort(Comparator.comparingLong(StoredProof::amount).reversed());
    List<StoredProof> chosen = new ArrayList<>();
    long rest = amount;
    for (StoredProof p : sorted) {
      if (p.amount() <= rest) {
        chosen.add(p);
        rest -= p.amount();
        if (rest == 0) {
          return Optional.of(chosen);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Proofs worth at least {@code target} after paying the input fee for spending them ({@code Σ -
   * fee ≥ target}), or empty if all of them together are not enough.
   */
  static Optional<List<StoredProof>> covering(
      List<StoredProof> candidates, long target, InputFees fees) {
    List<StoredProof> sorted = new ArrayList<>(candidates);
    sorted.sort(Comparator.comparingLong(StoredProof::amount).reversed());
    List<StoredProof> chosen = new ArrayList<>();
    long ppk = 0;
    long sum = 0;
    for (StoredProof p : sorted) {
      if (sum - InputFees.roundUp(ppk) >= target) {
        break;
      }
      chosen.add(p);
      sum += p.amount();
      ppk += fees.ppk(p.keysetId());
    }
    if (sum - InputFees.roundUp(ppk) < target) {
      return Optional.empty();
    }
    // Drop the smallest inputs while the rest still covers the target: less change, same or
    // lower fee.
    for (int i = chosen.size() - 1; i >= 0 && chosen.size() > 1; i--) {
      StoredProof p = chosen.get(i);
      long sumWithout = sum - p.amount();
      long ppkWithout = ppk - fees.ppk(p.keysetId());
      if (sumWithout - InputFees.roundUp(ppkWithout) >= target) {
        chosen.remove(i);
        sum = sumWithout;
        ppk = ppkWithout;
      }
    }
    // When several inputs cost more fee than one, the smallest single proof that covers wins.
    StoredProof single = null;
    for (StoredProof p : sorted) {
      if (p.amount() - InputFees.roundUp(fees.ppk(p.keysetId())) >= target
          && (single == null || p.amount() < single.amount())) {
        single = p;
      }
    }
    if (single != null && InputFees.roundUp(fees.ppk(single.keysetId())) < InputFees.roundUp(ppk)) {
      return Optional.of(List.of(single));
    }
    return Optional.of(chosen);
  }
}
