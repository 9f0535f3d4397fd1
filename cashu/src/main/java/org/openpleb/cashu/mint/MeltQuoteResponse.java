package org.openpleb.cashu.mint;

import java.util.List;
import org.openpleb.cashu.model.BlindSignature;

/**
 * A NUT-05 melt quote as the mint reports it: paying {@code request} costs {@code amount} sats plus
 * at most {@code feeReserve} sats of Lightning fees. After a melt it also carries the preimage and
 * the NUT-08 change for the unused fee reserve.
 *
 * @param change blind signatures on the wallet's blank outputs, in their order; empty if none
 */
public record MeltQuoteResponse(
    String quote,
    String request,
    long amount,
    String unit,
    long feeReserve,
    MeltQuoteState state,
    Long expiry,
    String paymentPreimage,
    List<BlindSignature> change) {

  public MeltQuoteResponse {
    change = change == null ? List.of() : List.copyOf(change);
  }

  @Override
  public String toString() {
    return "MeltQuoteResponse[amount="
        + amount
        + ", feeReserve="
        + feeReserve
        + ", state="
        + state
        + ", change="
        + change.size()
        + "]";
  }
}
