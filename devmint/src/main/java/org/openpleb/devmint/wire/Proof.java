package org.openpleb.devmint.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A NUT-00 proof presented as an input. The secret is a bearer secret and stays out of {@link
 * #toString()}.
 */
public record Proof(
    long amount,
    String id,
    String secret,
    @JsonProperty("C") String signature,
    DleqProof dleq,
    String witness) {

  @Override
  public String toString() {
    return "Proof[amount=" + amount + ", id=" + id + "]";
  }
}
