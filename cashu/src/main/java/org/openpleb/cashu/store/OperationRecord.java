package org.openpleb.cashu.store;

/**
 * One entry of the operation journal.
 *
 * @param quote the mint or melt quote the operation works on, if any (a bearer secret)
 * @param payloadJson the exact request (outputs with counters, secrets and blinding factors,
 *     inputs, quote, token) as JSON; it holds bearer secrets and never leaves the wallet file
 * @param amount the net sats the operation moved (positive in, negative out), once known
 * @param fee the fees it paid, once known
 * @param error a short reason when it failed
 */
public record OperationRecord(
    String id,
    OperationKind kind,
    OperationState state,
    String quote,
    String payloadJson,
    long amount,
    long fee,
    String error,
    long createdAt,
    long updatedAt) {

  /**
   * A new journal entry, not failed; the store stamps its times.
   *
   * @param amount the net sats it moved so far (0 until the mint has answered, unless no mint call
   *     is needed)
   */
  public static OperationRecord opened(
      String id,
      OperationKind kind,
      OperationState state,
      String quote,
      String payloadJson,
      long amount,
      long fee) {
    return new OperationRecord(id, kind, state, quote, payloadJson, amount, fee, null, 0, 0);
  }

  @Override
  public String toString() {
    return "OperationRecord[id="
        + id
        + ", kind="
        + kind
        + ", state="
        + state
        + ", amount="
        + amount
        + ", fee="
        + fee
        + "]";
  }
}
