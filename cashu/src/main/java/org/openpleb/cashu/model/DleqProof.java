package org.openpleb.cashu.model;

/**
 * A NUT-12 discrete-log-equality proof that a signature was made with the keyset's private key.
 *
 * <p>{@code e} and {@code s} are 32-byte hex scalars from the mint. {@code r} is the blinding
 * factor, set only on a {@link Proof} that travels in a token so the receiver can check it too.
 */
public record DleqProof(String e, String s, String r) {

  /** The same proof with the blinding factor attached. */
  public DleqProof withR(String blindingFactor) {
    return new DleqProof(e, s, blindingFactor);
  }
}
