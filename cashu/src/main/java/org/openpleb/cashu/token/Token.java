package org.openpleb.cashu.token;

import java.util.List;
import java.util.Objects;
import org.openpleb.cashu.model.Proof;

/**
 * A token: proofs of one mint and unit handed over as a single piece of ecash, with an optional
 * memo for the receiver. Whoever holds a token can spend it, so {@link #toString()} names only the
 * mint, unit, amount and proof count.
 */
public record Token(String mint, String unit, String memo, List<Proof> proofs) {

  public Token {
    Objects.requireNonNull(mint, "mint");
    Objects.requireNonNull(unit, "unit");
    proofs = List.copyOf(Objects.requireNonNull(proofs, "proofs"));
  }

  /** The total value of the proofs, in {@link #unit()}. */
  public long amount() {
    long total = 0;
    for (Proof proof : proofs) {
      total = Math.addExact(total, proof.amount());
    }
    return total;
  }

  /** The distinct keyset ids of the proofs, in order of first appearance. */
  public List<String> keysetIds() {
    return proofs.stream().map(Proof::id).distinct().toList();
  }

  @Override
  public String toString() {
    return "Token[mint="
        + mint
        + ", unit="
        + unit
        + ", amount="
        + amount()
        + ", proofs="
        + proofs.size()
        + "]";
  }
}
