package org.openpleb.devmint.ledger;

import java.util.List;
import org.openpleb.devmint.wire.BlindSignature;
import org.openpleb.devmint.wire.BlindedMessage;

/**
 * A request to pay a Lightning invoice with ecash. While a payment is in flight it remembers the
 * inputs' points, the blank outputs and the sums so that settling can finish the melt later.
 */
record MeltQuote(
    String id,
    String request,
    long amount,
    long feeReserve,
    MeltQuoteState state,
    long expiresAt,
    String preimage,
    List<String> inputYs,
    List<BlindedMessage> blankOutputs,
    long inputAmount,
    long inputFee,
    List<BlindSignature> change) {

  MeltQuote {
    inputYs = inputYs == null ? List.of() : List.copyOf(inputYs);
    blankOutputs = blankOutputs == null ? List.of() : List.copyOf(blankOutputs);
    change = change == null ? null : List.copyOf(change);
  }

  static MeltQuote fresh(String id, String request, long amount, long feeReserve, long expiresAt) {
    return new MeltQuote(
        id,
        request,
        amount,
        feeReserve,
        MeltQuoteState.UNPAID,
        expiresAt,
        null,
        null,
        null,
        0,
        0,
        null);
  }

  MeltQuote inFlight(
      List<String> ys, List<BlindedMessage> blanks, long inputAmount, long inputFee) {
    return new MeltQuote(
        id,
        request,
        amount,
        feeReserve,
        MeltQuoteState.PENDING,
        expiresAt,
        null,
        ys,
        blanks,
        inputAmount,
        inputFee,
        null);
  }

  MeltQuote paid(String paymentPreimage, List<BlindSignature> changeSignatures) {
    return new MeltQuote(
        id,
        request,
        amount,
        feeReserve,
        MeltQuoteState.PAID,
        expiresAt,
        paymentPreimage,
        inputYs,
        List.of(),
        inputAmount,
        inputFee,
        changeSignatures);
  }

  MeltQuote unpaid() {
    return fresh(id, request, amount, feeReserve, expiresAt);
  }

  @Override
  public String toString() {
    return "MeltQuote[amount=" + amount + ", state=" + state + "]";
  }
}
