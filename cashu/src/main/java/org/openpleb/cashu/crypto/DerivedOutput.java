package org.openpleb.cashu.crypto;

import java.math.BigInteger;

/**
 * The secret and blinding factor of one deterministic output (NUT-13). Both are bearer material:
 * whoever knows them can rebuild the proof, so {@link #toString()} shows neither.
 */
public record DerivedOutput(String secret, BigInteger r) {

  @Override
  public String toString() {
    return "DerivedOutput[secret=<hidden>, r=<hidden>]";
  }
}
