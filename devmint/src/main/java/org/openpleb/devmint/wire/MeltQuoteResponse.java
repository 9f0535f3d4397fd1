package org.openpleb.devmint.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A melt quote as NUT-05/NUT-23 return it, with NUT-08 change once the payment settled. {@code
 * expiry} is in unix seconds.
 */
public record MeltQuoteResponse(
    String quote,
    String request,
    long amount,
    String unit,
    @JsonProperty("fee_reserve") long feeReserve,
    String state,
    long expiry,
    @JsonProperty("payment_preimage") String paymentPreimage,
    List<BlindSignature> change) {

  @Override
  public String toString() {
    return "MeltQuoteResponse[amount=" + amount + ", state=" + state + "]";
  }
}
