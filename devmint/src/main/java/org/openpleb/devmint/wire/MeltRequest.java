package org.openpleb.devmint.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code POST /v1/melt/bolt11} body: the quote, the inputs and optional NUT-08 blank outputs for
 * overpaid fees.
 */
public record MeltRequest(
    String quote,
    List<Proof> inputs,
    List<BlindedMessage> outputs,
    @JsonProperty("prefer_async") Boolean preferAsync) {

  @Override
  public String toString() {
    return "MeltRequest[inputs=" + (inputs == null ? 0 : inputs.size()) + "]";
  }
}
