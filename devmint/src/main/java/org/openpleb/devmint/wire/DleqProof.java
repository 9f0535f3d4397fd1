package org.openpleb.devmint.wire;

/** A NUT-12 proof {@code (e, s)} as 32-byte hex scalars; {@code r} only travels inside tokens. */
public record DleqProof(String e, String s, String r) {

  /** A proof as the mint issues it, without a blinding factor. */
  public DleqProof(String e, String s) {
    this(e, s, null);
  }
}
