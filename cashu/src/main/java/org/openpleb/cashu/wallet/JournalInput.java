package org.openpleb.cashu.wallet;

import org.openpleb.cashu.model.DleqProof;
import org.openpleb.cashu.model.Proof;

/** One input proof exactly as it was (or will be) presented to the mint. */
record JournalInput(
    long amount,
    String keysetId,
    String secret,
    String c,
    String witness,
    String dleqE,
    String dleqS,
    String r,
    String y) {

  static JournalInput of(Proof p, String y) {
    DleqProof d = p.dleq();
    return new JournalInput(
        p.amount(),
        p.id(),
        p.secret(),
        p.C(),
        p.witness(),
        d == null ? null : d.e(),
        d == null ? null : d.s(),
        d == null ? null : d.r(),
        y);
  }

  Proof proof() {
    DleqProof d = dleqE == null ? null : new DleqProof(dleqE, dleqS, r);
    return new Proof(amount, keysetId, secret, c, d, witness);
  }

  @Override
  public String toString() {
    return "JournalInput[amount=" + amount + ", keyset=" + keysetId + "]";
  }
}
