package org.openpleb.devmint.wire;

import java.util.List;

/** {@code POST /v1/mint/bolt11} body: the paid quote and the outputs to sign. */
public record MintRequest(String quote, List<BlindedMessage> outputs, String signature) {

  @Override
  public String toString() {
    return "MintRequest[outputs=" + (outputs == null ? 0 : outputs.size()) + "]";
  }
}
