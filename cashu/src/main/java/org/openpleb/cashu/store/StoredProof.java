package org.openpleb.cashu.store;

import org.openpleb.cashu.model.Proof;

/**
 * A proof as the wallet keeps it: the ecash itself (with its DLEQ proof and blinding factor, so it
 * can be passed on in a token that the receiver can check), its {@code Y} for NUT-07 checks, and
 * its bookkeeping.
 *
 * @param y {@code hash_to_curve(secret)} as compressed hex
 * @param owner the reservation tag while reserved (and kept while a reserved proof is in flight, so
 *     a failed operation gives it back to its owner); {@code null} otherwise
 * @param usedByOp the operation holding the proof while it is {@link ProofState#INFLIGHT}
 * @param createdByOp the operation that brought the proof into the wallet
 */
public record StoredProof(
    Proof proof, String y, ProofState state, String owner, String usedByOp, String createdByOp) {

  public long amount() {
    return proof.amount();
  }

  public String secret() {
    return proof.secret();
  }

  public String keysetId() {
    return proof.id();
  }

  @Override
  public String toString() {
    return "StoredProof[amount=" + amount() + ", keyset=" + keysetId() + ", state=" + state + "]";
  }
}
